// A takst explained as data, for `takstvakt explain` and the popup: amounts (null = unknown), the
// combination sets expanded into real codes, conditions and merknader. Pure; localised with t().
import { compareCodes } from './codes';
import { t, tariffNameOfId } from './i18n';
import { isDoctorOnlyRow } from './rule';
import type { CompiledCodeSet, CompiledTariff, Locale, MerknadRow, Repetition, TakstRow } from './types';

export interface CodeList {
  /** `only`: exactly these codes; `allExcept`: every code except these; `none`: no list in the tariff. */
  mode: 'only' | 'allExcept' | 'none';
  codes: string[];
  /** The tariff's own notation. */
  text: string | null;
}

export interface TakstDescription {
  code: string;
  label: string;
  chapter: string;
  hon: number | null;
  ref: number | null;
  egen: number | null;
  repetition: string;
  deny: CodeList;
  allow: { any: CodeList; fastlege: CodeList; legevakt: CodeList };
  requiresAnyOf: string[];
  conditions: string[];
  merknader: { id: string; summary: string | null; url: string | null }[];
  provenance: TakstRow['provenance'];
  tariff: { id: string; validFrom: string; validTo: string };
}

const NONE: CodeList = { mode: 'none', codes: [], text: null };

function codeList(tariff: CompiledTariff, set: CompiledCodeSet | null): CodeList {
  if (!set) return NONE;
  const display = (key: string) => tariff.byKey.get(key)?.row.code ?? key;
  return { mode: set.mode, codes: [...set.codes].sort(compareCodes).map(display), text: set.text };
}

export function repetitionText(rep: Repetition | null, locale: Locale): string {
  if (!rep) return t(locale, 'describe_rep_unknown');
  switch (rep.kind) {
    case 'once':
      return t(locale, 'describe_rep_once');
    case 'times':
      return t(locale, 'describe_rep_times', { max: rep.max });
    case 'unlimited':
      return t(locale, 'describe_rep_unlimited');
    case 'reduced':
      return rep.max === null
        ? t(locale, 'describe_rep_reduced_unlimited', { percent: rep.percent })
        : t(locale, 'describe_rep_reduced', { percent: rep.percent, max: rep.max });
  }
}

function conditions(row: TakstRow, locale: Locale): string[] {
  const out: string[] = [];
  if (row.timeClass === 'k') out.push(t(locale, 'describe_cond_time_k'));
  if (row.timeClass === 'd') out.push(t(locale, 'describe_cond_time_d'));
  if (row.settings) out.push(t(locale, 'describe_cond_settings', { settings: row.settings.map((s) => t(locale, `describe_setting_${s}`)).join(', ') }));
  if (row.minAge !== null) out.push(t(locale, 'describe_cond_min_age', { age: row.minAge }));
  if (row.maxAgeExclusive !== null) out.push(t(locale, 'describe_cond_max_age', { age: row.maxAgeExclusive }));
  if (row.minDurationMinutes !== null) out.push(t(locale, 'describe_cond_min_duration', { minutes: row.minDurationMinutes }));
  if (row.maxPerYear !== null) out.push(t(locale, 'describe_cond_max_per_year', { max: row.maxPerYear }));
  if (row.specialistOnly) out.push(t(locale, 'describe_cond_specialist'));
  if (isDoctorOnlyRow(row) || row.who?.doctorOnly === true) out.push(t(locale, 'describe_cond_doctor_only'));
  // Year facts the rules read (row options), shown so the doctor sees the same rule the check applies.
  if (row.onCall && !row.onCall.includes('presence')) out.push(t(locale, 'describe_cond_no_presence'));
  if (row.clock) out.push(t(locale, 'describe_cond_clock', { from: row.clock.from, to: row.clock.to }));
  if (row.eveningException) {
    const settings = row.eveningException.settings.map((s) => t(locale, `describe_setting_${s}`)).join(', ');
    out.push(t(locale, 'describe_cond_evening_exception', { settings, after: row.eveningException.after ?? '-' }));
  }
  if (row.durationSteps) out.push(t(locale, 'describe_cond_duration_steps', { over: row.durationSteps.over, per: row.durationSteps.per }));
  if (row.who?.notTurnus === true) out.push(t(locale, 'describe_cond_not_turnus'));
  if (row.who?.specialistGP === true) out.push(t(locale, 'describe_cond_specialist_gp'));
  if (row.prescriptionCode) out.push(t(locale, 'describe_cond_prescription', { code: row.prescriptionCode }));
  if (row.requiresProcedure !== undefined) {
    out.push(t(locale, 'describe_cond_requires_procedure', { codes: row.requiresProcedure === true ? '-' : row.requiresProcedure.join(', ') }));
  }
  if (Array.isArray(row.requiresDiagnosis)) out.push(t(locale, 'describe_cond_requires_diagnosis', { diagnoses: row.requiresDiagnosis.join(', ') }));
  if (row.carriedFrom) out.push(t(locale, 'describe_cond_carried', { from: tariffNameOfId(locale, row.carriedFrom) }));
  if (row.indication) out.push(t(locale, 'describe_cond_indication', { text: row.indication.text }));
  return out;
}

function merknadSummary(m: MerknadRow | undefined, locale: Locale): string | null {
  if (!m) return null;
  if (locale === 'nn' && m.summaryNn) return m.summaryNn;
  if (locale === 'en' && m.summaryEn) return m.summaryEn;
  return m.summary;
}

function label(row: TakstRow, locale: Locale): string {
  if (locale === 'nn' && row.labelNn) return row.labelNn;
  if (locale === 'en' && row.labelEn) return row.labelEn;
  return row.label;
}

/** Describes `key` (normalised) in `tariff`; null when the tariff has no such takst. */
export function describeTakst(tariff: CompiledTariff, key: string, locale: Locale): TakstDescription | null {
  const takst = tariff.byKey.get(key);
  if (!takst) return null;
  const row = takst.row;
  return {
    code: row.code,
    label: label(row, locale),
    chapter: row.chapter,
    hon: row.hon,
    ref: row.ref,
    egen: row.egen,
    repetition: repetitionText(row.repetition, locale),
    deny: codeList(tariff, takst.deny),
    allow: { any: codeList(tariff, takst.allow.any), fastlege: codeList(tariff, takst.allow.fastlege), legevakt: codeList(tariff, takst.allow.legevakt) },
    requiresAnyOf: (takst.requiresAnyOf ?? []).map((k) => tariff.byKey.get(k)?.row.code ?? k),
    conditions: conditions(row, locale),
    merknader: row.merknader.map((id) => {
      const m = tariff.merknader.get(id);
      return { id, summary: merknadSummary(m, locale), url: m?.url ?? null };
    }),
    provenance: row.provenance,
    tariff: tariff.ref,
  };
}
