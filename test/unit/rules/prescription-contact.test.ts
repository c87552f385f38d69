import { BASE_ROWS, check, compile, findingsOf, row, ruleTable } from './helpers';

describe('prescription-contact', () => {
  ruleTable('prescription-contact', [
    { name: '1bk at legevakt in the evening: use 1i if a prescription was written (info)', bill: { codes: '1bk', setting: 'legevakt', at: '2024-03-13T19:00' }, want: ['rule_prescription_contact_code'], severity: 'info' },
    { name: '1i at legevakt', bill: { codes: '1i', setting: 'legevakt', at: '2024-03-13T19:00' }, want: [] },
    { name: '1bd at fastlege in the daytime', bill: { codes: '1bd', at: '2024-03-13T10:00' }, want: [] },
  ]);
});

describe('prescription-contact: the takst to use instead is row data (row.prescriptionCode)', () => {
  const other = compile([...BASE_ROWS.filter((r) => r.code !== '1bk'), row('1bk', { kind: 'contact', timeClass: 'k' }), row('1x9', { kind: 'contact', prescriptionCode: '1i' })]);
  ruleTable('prescription-contact', [
    { name: '1bk without prescriptionCode', bill: { codes: '1bk', setting: 'legevakt', at: '2024-03-13T19:00' }, want: [] },
    { name: 'another row with prescriptionCode', bill: { codes: '1x9', setting: 'legevakt', at: '2024-03-13T19:00' }, want: ['rule_prescription_contact_code'] },
  ], other);
  test('the text names both codes from the data', () => {
    const f = findingsOf(check({ codes: '1bk', setting: 'legevakt', at: '2024-03-13T19:00' }), 'prescription-contact')[0];
    expect(f?.message).toContain('1i alltid brukes framfor 1bk');
  });
});
