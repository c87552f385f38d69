// Messages a doctor trusts (issue 9): every text a finding can carry - the message and fix in each
// locale, and the source line - is human and in the report's language. A corpus of bills reaches every
// message a rule declares, so "reachable" is checked by running the rules, not by reading their source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS, LOCALES } from '../../src/core/i18n';
import { RULES } from '../../src/core/rules/index';
import type { Bill, CompiledTariff, Finding, Locale } from '../../src/core/types';
import { validateBill } from '../../src/core/validate';
import { bundledCompiled } from '../../src/data/index';
import { BASE_ROWS, compile, lines, row } from './rules/helpers';

/**
 * The fixture tariff, official (so an unknown code is an error, not the partial-data warning), plus
 * takster with row facts no bundled row has: a minimum age, a yearly maximum, a required procedure and
 * required diagnoses.
 */
const FIXTURE = compile(
  [
    ...BASE_ROWS,
    row('777', { kind: 'procedure', minAge: 18 }),
    row('778', { kind: 'procedure', maxPerYear: 2 }),
    row('779', { kind: 'other', requiresProcedure: true }),
    row('780', { kind: 'other', requiresDiagnosis: ['P76'] }),
  ],
  { official: true },
);

const EN_WORDS = new Set(['the', 'is', 'are', 'must', 'cannot', 'with', 'only', 'when', 'which', 'should', 'this', 'that', 'not', 'was', 'will', 'has', 'have', 'of', 'and', 'be', 'on', 'or', 'it', 'if', 'in', 'an']);
/** Two or more distinct English function words make a sentence English (Norwegian shares almost none). */
export function looksEnglish(text: string): boolean {
  const hits = new Set(text.toLowerCase().match(/[a-z]+/g)?.filter((w) => EN_WORDS.has(w)));
  return hits.size >= 2;
}

const declared = [...new Set(RULES.flatMap((r) => Object.values(r.meta.messages)))];

describe('declared messages', () => {
  test('the English-sentence check tells the languages apart', () => {
    expect(looksEnglish('Helfo control: companion takster must be on the same bill')).toBe(true);
    expect(looksEnglish('{code} kan ikke kombineres med {others} på samme regning.')).toBe(false);
    expect(looksEnglish('Merknad A1, normaltariffen 2023-24')).toBe(false);
  });

  test.each(LOCALES.map((l) => [l]))('%s: no "seed", no English sentence in nb/nn', (locale) => {
    const bad = declared.filter((k) => {
      const text = CATALOGS[locale][k]?.message ?? '';
      return /seed/i.test(text) || (locale !== 'en' && looksEnglish(text));
    });
    expect(bad).toEqual([]);
  });

  test('every source line a rule gives is Norwegian and names no seed file', () => {
    const bad = RULES.filter((r) => {
      const line = `${r.meta.source.merknad ?? ''} ${r.meta.source.regulation ?? ''}`;
      return /seed/i.test(line) || looksEnglish(line);
    }).map((r) => r.meta.id);
    expect(bad).toEqual([]);
  });

  test('the docs pages a card links to name the Helfo text, never the seed files', () => {
    const dir = join(__dirname, '../../docs/rules');
    const bad = readdirSync(dir).filter((f) => /seed|004_/i.test(readFileSync(join(dir, f), 'utf8')));
    expect(bad).toEqual([]);
  });

  test('the bundled tariff names its sources without the seed files', () => {
    const [t] = bundledCompiled();
    const sources = [...(t?.byKey.values() ?? [])].flatMap((x) => [x.row.provenance.source, ...Object.values(x.row.fieldProvenance ?? {}).map((p) => p.source)]);
    expect(sources.filter((s) => /seed/i.test(s))).toEqual([]);
  });
});

type Spec = Partial<Omit<Bill, 'lines'>> & { codes: string };
const LV = { setting: 'legevakt' as const, onCall: 'home' as const };
const PRESENCE = { setting: 'legevakt' as const, onCall: 'presence' as const };

/** Bills that between them reach every declared message (the coverage test says which one is missing). */
const CORPUS: Spec[] = [
  { codes: '2ad 1bd' },
  { codes: '1bd 2ad 1i' },
  { codes: '2ae 100 2ak' },
  { codes: '2cd' },
  { codes: '100 x9' },
  { codes: '2ad x2' },
  { codes: 'xyz 77777 1be' },
  { codes: '2ak', at: '2024-03-13T12:00', ...LV },
  { codes: '2fk', at: '2024-03-11T15:00', ...LV },
  { codes: '1g', at: '2024-03-11T21:00', ...LV },
  { codes: '2ak', at: '2024-03-13T18:00', urgent: false },
  { codes: '2ak', at: '2024-03-13T18:00' },
  { codes: '2ak', at: '2024-03-27T13:00', ...LV },
  { codes: '2ak', at: '2024-03-27T11:00', ...LV, clinic: { holidayEveStart: '12:00' } },
  { codes: '2fk 21k', at: '2024-03-13T07:30', ...LV },
  { codes: '2ad', setting: 'spesialist', diagnoses: [] },
  { codes: '2ad', diagnoses: [] },
  { codes: '2fk 1g 21k', at: '2024-03-13T23:30', ...PRESENCE },
  { codes: '2ad 2cd', clinician: { performedBy: 'staff' }, durationMinutes: 25 },
  { codes: '2ae', clinician: { turnus: true } },
  { codes: '2ae 2dd' },
  { codes: 'k01a' },
  { codes: '612b', patient: { age: 18 } },
  { codes: '506', patient: { age: 3 }, diagnoses: ['A04'] },
  { codes: '612b 506' },
  { codes: '2ad 615', durationMinutes: 5, diagnoses: ['K86'] },
  { codes: '2ad 615 2cd x2' },
  { codes: '2ad 2cd x2', durationMinutes: 30 },
  { codes: '1bk', at: '2024-03-13T19:00', ...LV },
  { codes: '2ad', diagnoses: ['J06.9', 'diabetes', 'A30'] },
  { codes: '2ad', diagnoses: ['R05', 'R81'] },
  { codes: '2ad 777', patient: { age: 10 } },
  { codes: 'k01a', setting: 'spesialist', diagnoses: ['K24'] },
  { codes: '2ad', at: '2031-03-13T10:00' },
  { codes: '2ad', patient: { age: 16, exemptions: ['under16', 'psychotherapy-under-18'] } },
  ...['frikort', 'pregnancy', 'occupational-injury', 'prison', 'unable-to-pay', 'communicable-disease', 'violence-abuse'].map((g) => ({ codes: '2ad', patient: { age: 40, exemptions: [g] } }) as Spec),
  { codes: 'k01a', setting: 'spesialist', diagnoses: ['F32'], patient: { age: 12, exemptions: ['psychotherapy-under-18'] } },
  { codes: '2ad', patient: { age: 12 } },
  { codes: '2ad 778' },
  { codes: '2ad 778 x3' },
  { codes: '2ad 779' },
  { codes: '2ad 780' },
];

function run(spec: Spec, locale: Locale, tariffs: readonly CompiledTariff[] = [FIXTURE]): Finding[] {
  const { codes, ...rest } = spec;
  const bill: Bill = { at: '2024-03-13T10:00', setting: 'fastlege', diagnoses: ['R74'], ...rest, lines: lines(codes) };
  return validateBill(bill, { tariffs, locale, now: '2024-06-01T12:00' }).findings;
}

describe('findings of a corpus that reaches every declared message', () => {
  const bundled = bundledCompiled();
  const reached = new Set<string>();
  const texts: { locale: Locale; key: string; text: string }[] = [];
  for (const locale of LOCALES) {
    for (const spec of CORPUS) {
      for (const f of [...run(spec, locale), ...run(spec, locale, bundled)]) {
        reached.add(f.key);
        texts.push({ locale, key: f.key, text: f.message });
        if (f.fix) texts.push({ locale, key: `${f.key} (fix)`, text: f.fix });
        texts.push({ locale, key: `${f.key} (source)`, text: `${f.source.merknad ?? ''} ${f.source.regulation ?? ''}` });
      }
    }
  }
  // The "no tariff at all" message is reported by validate.ts itself.
  for (const locale of LOCALES) for (const f of validateBill({ at: '2024-03-13T10:00', setting: 'fastlege', lines: lines('2ad') }, { tariffs: [], locale }).findings) reached.add(f.key);

  test('every declared message and fix is reached (add a bill to CORPUS for a new one)', () => {
    // A fix is known by its text: the catalog template with each {placeholder} as a wildcard.
    const pattern = (key: string, locale: Locale) =>
      new RegExp(`^${(CATALOGS[locale][key]?.message ?? '').replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[\\s\\S]*')}$`);
    for (const x of texts) {
      if (!x.key.endsWith(' (fix)')) continue;
      for (const k of declared) if (!reached.has(k) && /_fix/.test(k) && pattern(k, x.locale).test(x.text)) reached.add(k);
    }
    expect(declared.filter((k) => !reached.has(k))).toEqual([]);
  });

  test('no finding text has an unfilled placeholder or names the seed', () => {
    expect(texts.filter((x) => /\{\w+\}|seed/i.test(x.text)).map((x) => `${x.locale} ${x.key}: ${x.text}`)).toEqual([]);
  });

  test('a merknad a finding cites is a merknad id a doctor can look up (A1, D1), not an internal name', () => {
    const ids = new Set<string>();
    for (const spec of CORPUS) for (const f of [...run(spec, 'nb'), ...run(spec, 'nb', bundled)]) if (f.source.merknad) ids.add(f.source.merknad);
    expect([...ids].filter((id) => !/^[A-Z]\d+$/.test(id))).toEqual([]);
    expect(ids.size).toBeGreaterThan(1);
  });

  test('no English sentence in a bokmål or nynorsk finding', () => {
    expect(texts.filter((x) => x.locale !== 'en' && looksEnglish(x.text)).map((x) => `${x.locale} ${x.key}: ${x.text}`)).toEqual([]);
  });
});
