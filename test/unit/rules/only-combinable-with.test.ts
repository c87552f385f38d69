import { ruleTable } from './helpers';

describe('only-combinable-with', () => {
  ruleTable('only-combinable-with', [
    { name: '2ae with 2cd and 701a at fastlege (on the fastlege list)', bill: { codes: '2ae 2cd 701a', durationMinutes: 30 }, want: [] },
    { name: '2ae with 701a at legevakt (not on the legevakt list)', bill: { codes: '2ae 701a', setting: 'legevakt' }, want: ['rule_only_combinable_with'], codes: ['2ae', '701a'] },
    { name: '2ae with 703 at fastlege', bill: { codes: '2ae 703' }, want: ['rule_only_combinable_with'], codes: ['2ae', '703'] },
    { name: '2ae alone', bill: { codes: '2ae' }, want: [] },
    { name: 'a pair already denied is not reported twice (2ae + 1i is invalid-combination)', bill: { codes: '2ae 1i' }, want: [] },
  ]);
});
