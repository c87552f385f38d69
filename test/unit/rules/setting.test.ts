import { BASE_ROWS, compile, row, ruleTable } from './helpers';

const EVE = '2024-03-11T17:00';

describe('setting', () => {
  ruleTable('setting', [
    { name: '2ad at fastlege', bill: { codes: '2ad' }, want: [] },
    { name: '2ad in specialist practice', bill: { codes: '2ad', setting: 'spesialist' }, want: ['rule_setting_not_here'], codes: ['2ad'] },
    { name: '2fk with hjemmevakt', bill: { codes: '2fk', setting: 'legevakt', onCall: 'home', at: EVE }, want: [] },
    { name: '2fk with tilstedevakt', bill: { codes: '2fk', setting: 'legevakt', onCall: 'presence', at: EVE }, want: ['rule_setting_presence'] },
    { name: '2fk at fastlege (tariff: legevakt only)', bill: { codes: '2fk', at: EVE, urgent: true }, want: ['rule_setting_not_here'] },
    { name: '1g on legevakt without tilstedevakt', bill: { codes: '1g', setting: 'legevakt', onCall: 'home', at: '2024-03-11T23:30' }, want: [] },
    { name: '1g with tilstedevakt', bill: { codes: '1g', setting: 'legevakt', onCall: 'presence', at: '2024-03-11T23:30' }, want: ['rule_setting_presence'] },
    { name: '1g outside legevakt (the tariff row allows legevakt only)', bill: { codes: '1g', at: '2024-03-11T23:30' }, want: ['rule_setting_not_here'] },
    { name: '21k with tilstedevakt on a home visit from the legevakt', bill: { codes: '11ak 21k', setting: 'legevakt', onCall: 'presence', at: EVE }, want: [] },
    { name: '21k with tilstedevakt and no home visit (travel to the legevakt)', bill: { codes: '2ak 21k', setting: 'legevakt', onCall: 'presence', at: EVE }, want: ['rule_setting_presence_travel'] },
  ]);
});

// The on-call forms are the row's data (row.onCall): a row without it is allowed with tilstedevakt.
describe('setting: on-call forms are row data (row.onCall)', () => {
  const other = compile([
    ...BASE_ROWS.filter((r) => r.code !== '2fk' && r.code !== '2ak'),
    row('2fk', { kind: 'consultation', timeClass: 'k', settings: ['legevakt'] }),
    row('2ak', { kind: 'consultation', timeClass: 'k', onCall: ['home'] }),
  ]);
  ruleTable('setting', [
    { name: '2fk with tilstedevakt when the row allows every on-call form', bill: { codes: '2fk', setting: 'legevakt', onCall: 'presence', at: EVE }, want: [] },
    { name: 'a row with onCall home only, with tilstedevakt', bill: { codes: '2ak', setting: 'legevakt', onCall: 'presence', at: EVE }, want: ['rule_setting_presence'] },
  ], other);
});
