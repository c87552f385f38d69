import { ruleTable } from './helpers';

describe('unknown-code', () => {
  ruleTable('unknown-code', [
    { name: 'known codes', bill: { codes: '2ad 2cd', durationMinutes: 25 }, want: [] },
    { name: 'case and spaces do not matter', bill: { codes: '2AD' }, want: [] },
    { name: 'a code not in the tariff (1be was merged into 1bd in 2022)', bill: { codes: '1be' }, want: ['rule_unknown_code'], codes: ['1be'] },
    { name: 'text that is not a code', bill: { codes: 'hello' }, want: ['rule_unknown_code_shape'] },
  ]);
});
