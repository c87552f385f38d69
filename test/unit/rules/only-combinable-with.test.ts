import { bundledCompiled } from '../../../src/data/index';
import { check, findingsOf, ruleTable } from './helpers';

describe('only-combinable-with', () => {
  ruleTable('only-combinable-with', [
    { name: '2ae with 2cd and 701a at fastlege (on the fastlege list)', bill: { codes: '2ae 2cd 701a', durationMinutes: 30 }, want: [] },
    { name: '2ae with 701a at legevakt (not on the legevakt list)', bill: { codes: '2ae 701a', setting: 'legevakt' }, want: ['rule_only_combinable_with'], codes: ['2ae', '701a'] },
    { name: '2ae with 703 at fastlege', bill: { codes: '2ae 703' }, want: ['rule_only_combinable_with'], codes: ['2ae', '703'] },
    { name: '2ae alone', bill: { codes: '2ae' }, want: [] },
    { name: 'a pair already denied is not reported twice (2ae + 1i is invalid-combination)', bill: { codes: '2ae 1i' }, want: [] },
  ]);
});

describe('only-combinable-with: the message says what is wrong, not the raw list', () => {
  test('2ae + 2ad against the bundled 2023-24 list (about 70 codes) names the two codes only', () => {
    const [tariff] = bundledCompiled();
    const [f] = findingsOf(check({ codes: '2ae 2ad' }, {}, tariff), 'only-combinable-with');
    expect(f?.codes).toEqual(['2ae', '2ad']);
    const text = '2ad kan ikke stå på samme regning som 2ae (fastlege): 2ae kan bare kombineres med takstene på sin egen liste, og 2ad er ikke blant dem.';
    // The bundled data is not official, so the year-data note follows (i7data); the raw list never does.
    expect(f?.message.startsWith(text)).toBe(true);
    expect(f?.message.slice(text.length)).toMatch(/^ \(Kontrollert mot Normaltariffen 2023-24.*\)$/);
    expect(f?.message).not.toMatch(/701a/);
  });
});
