import { ruleTable } from './helpers';

describe('prescription-contact', () => {
  ruleTable('prescription-contact', [
    { name: '1bk at legevakt in the evening: use 1i if a prescription was written (info)', bill: { codes: '1bk', setting: 'legevakt', at: '2024-03-13T19:00' }, want: ['rule_prescription_contact'], severity: 'info' },
    { name: '1i at legevakt', bill: { codes: '1i', setting: 'legevakt', at: '2024-03-13T19:00' }, want: [] },
    { name: '1bd at fastlege in the daytime', bill: { codes: '1bd', at: '2024-03-13T10:00' }, want: [] },
  ]);
});
