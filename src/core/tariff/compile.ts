// Builds the validation form of a tariff version: every deny/allow list parsed and expanded once,
// companions normalised, rows keyed by normalised code. Validation never parses text.
import { normalizeCode } from '../codes';
import { compileCodeSet, unmatchedTerms } from '../codeset/compile';
import { parseCodeSet } from '../codeset/parse';
import type { CompiledCodeSet, CompiledTakst, CompiledTariff, MerknadRow, TakstRow, TariffVersion } from '../types';

export interface TariffError {
  code: string;
  field: string;
  message: string;
}

export type CompileTariffResult =
  | { ok: true; tariff: CompiledTariff; warnings: string[] }
  | { ok: false; errors: TariffError[] };

const ALLOW_KEYS = ['any', 'fastlege', 'legevakt'] as const;

export function compileTariff(v: TariffVersion): CompileTariffResult {
  const errors: TariffError[] = [];
  const warnings: string[] = [];
  const universe: string[] = [];
  const seen = new Set<string>();
  for (const row of v.takster) {
    const key = normalizeCode(row.code);
    if (seen.has(key)) errors.push({ code: row.code, field: 'code', message: `${key} appears more than once` });
    seen.add(key);
    universe.push(key);
  }

  const merknader = new Map<string, MerknadRow>(v.merknader.map((m) => [m.id, m]));
  const byKey = new Map<string, CompiledTakst>();
  const groups: CompiledCodeSet[] = [];
  for (const row of v.takster) {
    const key = normalizeCode(row.code);
    const compileList = (field: string, text: string | null | undefined): CompiledCodeSet | null => {
      if (text === null || text === undefined) return null;
      const parsed = parseCodeSet(text);
      if (!parsed.ok) {
        errors.push({ code: row.code, field, message: parsed.error });
        return null;
      }
      for (const w of parsed.warnings) warnings.push(`${row.code} ${field}: ${w}`);
      const unmatched = unmatchedTerms(parsed.expr, universe);
      if (unmatched.length) warnings.push(`${row.code} ${field}: not in this tariff: ${unmatched.join(', ')}`);
      const set = compileCodeSet(parsed.expr, universe, key);
      if (parsed.expr.kind === 'exclusiveGroup') groups.push({ ...set, codes: new Set([...set.codes, key]) });
      return set;
    };
    const deny = compileList('deny', row.deny);
    const allow = {
      any: compileList('allow.any', row.allow?.any),
      fastlege: compileList('allow.fastlege', row.allow?.fastlege),
      legevakt: compileList('allow.legevakt', row.allow?.legevakt),
    };
    const requiresAnyOf = row.requiresAnyOf ? [...new Set(row.requiresAnyOf.map(normalizeCode))] : null;
    for (const req of requiresAnyOf ?? []) {
      // A warning, not an error: an official file may name a companion outside its own rows.
      if (!seen.has(req)) warnings.push(`${row.code} requiresAnyOf: ${req} is not in this tariff`);
    }
    for (const id of row.merknader) {
      if (!merknader.has(id)) warnings.push(`${row.code} merknader: ${id} has no merknad row`);
    }
    checkRow(row, errors);
    if (!byKey.has(key)) byKey.set(key, { key, row, deny, allow, requiresAnyOf });
  }
  for (const group of groups) spreadExclusiveGroup(byKey, group);
  if (v.validFrom > v.validTo) errors.push({ code: '', field: 'validTo', message: 'must not be before validFrom' });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    tariff: { version: v, ref: refOf(v), byKey, merknader },
    warnings,
  };
}

/** `2023-07-01`..`2024-06-30` -> `2023-24`; a version spanning other dates shows both years in full. */
export function tariffYearLabel(validFrom: string, validTo: string): string {
  const a = validFrom.slice(0, 4);
  const b = validTo.slice(0, 4);
  if (a === b) return a;
  return Number(b) === Number(a) + 1 ? `${a}-${b.slice(2)}` : `${a}-${b}`;
}

/** The report's view of a version: id, dates, label, year and whether it is official. */
export function refOf(v: TariffVersion): CompiledTariff['ref'] {
  return { id: v.id, validFrom: v.validFrom, validTo: v.validTo, label: v.label, year: tariffYearLabel(v.validFrom, v.validTo), official: v.official === true };
}

/**
 * "Takstene K02a-K02g er gjensidig utelukkende" is written at one takst only; every member gets the
 * group (minus itself) in its deny set, so a check from any member finds the others.
 */
function spreadExclusiveGroup(byKey: Map<string, CompiledTakst>, group: CompiledCodeSet): void {
  for (const member of group.codes) {
    const t = byKey.get(member);
    if (!t) continue;
    const others = [...group.codes].filter((c) => c !== member);
    let deny: CompiledCodeSet;
    if (!t.deny) deny = { mode: 'only', codes: new Set(others), text: group.text };
    else if (t.deny.mode === 'only') deny = { mode: 'only', codes: new Set([...t.deny.codes, ...others]), text: t.deny.text === group.text ? t.deny.text : `${t.deny.text} / ${group.text}` };
    else deny = { mode: 'allExcept', codes: new Set([...t.deny.codes].filter((c) => !others.includes(c))), text: `${t.deny.text} / ${group.text}` };
    byKey.set(member, { ...t, deny });
  }
}

/** Consistency the schema cannot see. */
function checkRow(row: TakstRow, errors: TariffError[]): void {
  if (row.minAge !== null && row.maxAgeExclusive !== null && row.minAge >= row.maxAgeExclusive) {
    errors.push({ code: row.code, field: 'maxAgeExclusive', message: 'must be above minAge' });
  }
  if (row.allow && !ALLOW_KEYS.some((k) => row.allow?.[k] !== undefined)) {
    errors.push({ code: row.code, field: 'allow', message: 'names no list; use null' });
  }
}

/** For bundled data, compiled at module load: an error there is a bug in the data, so it throws. */
export function compileTariffOrThrow(v: TariffVersion): CompiledTariff {
  const r = compileTariff(v);
  if (!r.ok) {
    const first = r.errors.slice(0, 5).map((e) => `${e.code} ${e.field}: ${e.message}`);
    throw new Error(`tariff ${v.id} does not compile: ${first.join('; ')}`);
  }
  return r.tariff;
}
