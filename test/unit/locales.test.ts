// The three catalogs must agree: every key in every locale, no empty message, the same {placeholders}.
// And every literal key the popup and settings page ask for must exist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS, LOCALES } from '../../src/core/i18n';
import { RULE_IDS } from '../../src/core/rules/index';
import { CONFIGURED_SEVERITIES, SETTINGS, SEVERITIES } from '../../src/core/types';
import { CUSTOM_ADAPTER_FIELDS } from '../../src/settings/adapter-fields';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const allKeys = [...new Set(LOCALES.flatMap((l) => Object.keys(CATALOGS[l])))].sort();

describe('locale catalogs', () => {
  test.each(LOCALES)('%s has every key', (locale) => {
    const missing = allKeys.filter((k) => !(k in CATALOGS[locale]));
    expect(missing).toEqual([]);
  });

  test.each(LOCALES)('%s has no empty message', (locale) => {
    const empty = Object.entries(CATALOGS[locale])
      .filter(([, v]) => typeof v?.message !== 'string' || v.message.trim() === '')
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  test('placeholders are the same in nb, nn and en', () => {
    const differing = allKeys.filter((k) => {
      const nb = JSON.stringify(placeholders(CATALOGS.nb[k]?.message ?? ''));
      return LOCALES.some((l) => JSON.stringify(placeholders(CATALOGS[l][k]?.message ?? '')) !== nb);
    });
    expect(differing).toEqual([]);
  });

  test('nynorsk uses the established term «øyeblikkeleg hjelp», not «augneblinkeleg»', () => {
    expect(Object.entries(CATALOGS.nn).filter(([, v]) => /augneblink/i.test(v.message)).map(([k]) => k)).toEqual([]);
  });

  test('nynorsk is not a copy of bokmål for UI sentences', () => {
    // Short labels may be spelled alike; whole sentences in nn should mostly differ from nb.
    const sentences = allKeys.filter((k) => /^(popup|options)_/.test(k) && (CATALOGS.nb[k]?.message ?? '').split(' ').length > 5);
    const same = sentences.filter((k) => CATALOGS.nb[k]?.message === CATALOGS.nn[k]?.message);
    expect(same.length).toBeLessThan(sentences.length * 0.2);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('keys used by the popup and the settings page', () => {
  const root = join(__dirname, '..', '..');
  const files = [...sourceFiles(join(root, 'popup')), ...sourceFiles(join(root, 'src', 'options')), ...sourceFiles(join(root, 'src', 'ui')), ...sourceFiles(join(root, 'src', 'background'))];

  test('every literal key exists in the catalog', () => {
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\b(?:tr|t)\((?:\w+, )?'((?:popup|options|common)_[a-z0-9_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in CATALOGS.nb))).toEqual([]);
  });

  test('every key built from a value exists for each value', () => {
    const families: Record<string, readonly string[]> = {
      common_setting_: SETTINGS,
      common_severity_: SEVERITIES,
      options_level_: CONFIGURED_SEVERITIES,
      options_adapter_: ['generic', 'custom'],
      options_adapter_field_: CUSTOM_ADAPTER_FIELDS,
      options_rule_: RULE_IDS,
      options_tariff_field_: ['hon', 'ref', 'egen', 'repetition', 'deny', 'allow', 'requiresAnyOf', 'minDurationMinutes', 'specialistOnly', 'label'],
      popup_field_: ['label', 'hon', 'ref', 'egen', 'repetition', 'deny', 'allow_any', 'allow_fastlege', 'allow_legevakt', 'requires', 'conditions', 'merknader'],
    };
    const missing = Object.entries(families).flatMap(([prefix, values]) => values.map((v) => prefix + v).filter((k) => !(k in CATALOGS.nb)));
    expect(missing).toEqual([]);
  });
});
