// Importer for Helsedirektoratet's takstkoder JSON (`{"takstkoder": [...]}`, open data, NLOD): the
// file a clinic brings each 1 July. It builds a TariffVersion; any bad row makes the whole import
// fail (the caller writes nothing), each error naming the row, its code and the field.
import { codeParts, isCodeShaped, normalizeCode } from '../../core/codes';
import { parseCodeSet } from '../../core/codeset/parse';
import { compileTariff } from '../../core/tariff/compile';
import { parseTariffVersion } from '../../core/tariff/schema';
import type { CompiledTariff, Provenance, Repetition, TakstRow, TariffVersion, TimeClass } from '../../core/types';
import { FieldError, readBoolean, readCodeListText, readCodes, readDate, readNumber, readText } from './fields';
import { normalizeRow, rowContentKey, takstkoderList } from './normalize';

export interface ImportError {
  /** 1-based position in the `takstkoder` array; 0 for the file as a whole. */
  row: number;
  code: string | null;
  field: string;
  message: string;
}

/** On success also the compiled tariff, so callers never compile the same version again. */
export type ImportResult = { ok: true; version: TariffVersion; tariff: CompiledTariff; warnings: string[] } | { ok: false; errors: ImportError[] };

export interface ImportOptions {
  /** Version id; default `takstkoder-YYYY-YYYY` from the tariff year. */
  id?: string;
  /** A version (e.g. the bundled one) to take what the API lacks from: allow lists, settings, ages, kind, timeClass, merknader. */
  base?: TariffVersion;
  /** The date the rows were asked for (`gyldigdato`): the tariff year is the one holding it, not the latest change. */
  asOf?: string;
}

export const TAKSTKODER_URL = 'https://api.helsedirektoratet.no/helserefusjon/v1/takstkoder?fagomraade=LE';

interface ReadRow {
  index: number;
  code: string;
  from: string | null;
  to: string | null;
  row: Omit<TakstRow, 'provenance' | 'chapter'>;
}

export function importTakstkoder(json: unknown, options: ImportOptions = {}): ImportResult {
  const list = takstkoderList(json);
  if (list === null) {
    return { ok: false, errors: [{ row: 0, code: null, field: 'takstkoder', message: 'the file must be {"takstkoder": [...]} or a list of takst rows' }] };
  }
  const errors: ImportError[] = [];
  const warnings: string[] = [];
  const read: ReadRow[] = [];
  const contents = new Set<string>();
  list.forEach((raw, i) => {
    const index = i + 1;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ row: index, code: null, field: '(row)', message: 'must be an object' });
      return;
    }
    const rec = normalizeRow(raw as Record<string, unknown>);
    // The same row twice (same content under another takst_id/resource_id) is one row.
    const content = rowContentKey(rec);
    if (content !== null && contents.has(content)) {
      warnings.push(`row ${index}: repeats an earlier row (only its ids differ); skipped`);
      return;
    }
    if (content !== null) contents.add(content);
    let code: string | null = null;
    try {
      code = readText(rec, 'takstkode');
      if (code === null || !isCodeShaped(normalizeCode(code))) throw new FieldError('takstkode', code === null ? 'is missing' : `"${code}" is not a takst code`);
      const area = readText(rec, 'fagomraade');
      if (area !== null && area.toUpperCase() !== 'LE') {
        warnings.push(`row ${index} (${code}): fagomraade ${area} is not LE (lege); skipped`);
        return;
      }
      read.push({ index, code, from: readDate(rec, 'fradato'), to: readDate(rec, 'tildato'), row: readRow(rec, code) });
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      errors.push({ row: index, code, field: e.field, message: e.message });
    }
  });
  if (errors.length) return { ok: false, errors };
  if (read.length === 0) return { ok: false, errors: [{ row: 0, code: null, field: 'takstkoder', message: 'holds no takst for fagomraade LE' }] };

  const { validFrom, validTo, year } = tariffYear(read, options.asOf);
  const source: Provenance = { source: 'Helsedirektoratet: takstkoder (åpne data, NLOD)', url: TAKSTKODER_URL, year, verified: true };
  const inForce = read.filter((r) => {
    const overlaps = (r.from === null || r.from <= validTo) && (r.to === null || r.to >= validFrom);
    if (!overlaps) warnings.push(`row ${r.index} (${r.code}): valid ${r.from ?? '…'} to ${r.to ?? '…'}, outside ${validFrom}..${validTo}; skipped`);
    else if (r.to !== null && r.to < validTo) warnings.push(`row ${r.index} (${r.code}): ends ${r.to}, before the tariff year ends`);
    return overlaps;
  });
  const seen = new Map<string, number>();
  for (const r of inForce) {
    const key = normalizeCode(r.code);
    const first = seen.get(key);
    if (first !== undefined) errors.push({ row: r.index, code: r.code, field: 'takstkode', message: `appears twice in force (rows ${first} and ${r.index})` });
    seen.set(key, r.index);
  }
  if (errors.length) return { ok: false, errors };

  const baseRows = new Map((options.base?.takster ?? []).map((t) => [normalizeCode(t.code), t]));
  const takster = inForce.map((r) => withBase(r, baseRows.get(normalizeCode(r.code)), source, options.base?.id));
  const missing = [...baseRows.keys()].filter((k) => !seen.has(k));
  if (missing.length) warnings.push(`${missing.length} code(s) of the base version are not in the file and are left out: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}`);
  const version: TariffVersion = {
    schemaVersion: 1,
    id: options.id ?? `takstkoder-${year}`,
    label: `Takstkoder fra Helsedirektoratet ${year.replace('-', '–')}`,
    validFrom,
    validTo,
    source,
    // Helsedirektoratet's data: a code it lacks does not exist (unknown-code may say so).
    official: true,
    origin: 'imported',
    takster,
    merknader: options.base?.merknader.map((m) => ({ ...m })) ?? [],
  };
  return finish(version, inForce, warnings);
}

function readRow(rec: Record<string, unknown>, code: string): ReadRow['row'] {
  const deny = readCodeListText(rec, 'ugyldig_kombinasjon');
  if (deny !== null) {
    const parsed = parseCodeSet(deny);
    if (!parsed.ok) throw new FieldError('ugyldig_kombinasjon', parsed.error);
  }
  const minutes = readNumber(rec, 'minimum_tidsbruk', { min: 0 });
  const perRep = readNumber(rec, 'tidsbruk_per_rep', { min: 0 });
  const perYear = readNumber(rec, 'maks_antall_per_aar', { int: true, min: 0 }) ?? readNumber(rec, 'maks_antall_per_kalender_aar', { int: true, min: 0 });
  const procedure = readFlagOrCodes(rec, 'krever_prosedyre', readCodes);
  const diagnosis = readFlagOrCodes(rec, 'krever_diagnose', readDiagnoses);
  // tidsbruk_per_rep: count n needs more than minimum_tidsbruk + per x (n - 1) minutes (the 2cd reading);
  // the steps then replace the plain minimum, which they include.
  const steps = perRep !== null && perRep > 0 ? { over: minutes ?? 0, per: perRep } : null;
  return {
    code: code.trim(),
    label: readText(rec, 'beskrivelse') ?? `Takst ${code.trim()}`,
    hon: readNumber(rec, 'honorar', { min: 0 }),
    ref: readNumber(rec, 'refusjon', { min: 0 }),
    egen: readNumber(rec, 'egenandel', { min: 0 }),
    repetition: readRepetition(rec),
    merknader: [],
    deny,
    allow: null,
    requiresAnyOf: readCodes(rec, 'krever_takst'),
    specialistOnly: readBoolean(rec, 'spesialisttakst') ?? false,
    settings: null,
    minDurationMinutes: steps || minutes === 0 ? null : minutes,
    maxPerYear: perYear === 0 ? null : perYear,
    timeClass: null,
    minAge: null,
    maxAgeExclusive: null,
    ...(steps ? { durationSteps: steps } : {}),
    ...(procedure !== null ? { requiresProcedure: procedure } : {}),
    ...(diagnosis !== null ? { requiresDiagnosis: diagnosis } : {}),
  };
}

/** krever_prosedyre / krever_diagnose: a yes/no flag (yes = true, no = null) or a list read by `list`. */
function readFlagOrCodes(rec: Record<string, unknown>, field: string, list: (r: Record<string, unknown>, f: string) => string[] | null): true | string[] | null {
  const v = rec[field];
  if (typeof v === 'boolean' || (typeof v === 'string' && /^\s*(true|false|j|ja|n|nei|y|yes|no)\s*$/i.test(v)) || v === 0 || v === 1) {
    return readBoolean(rec, field) === true ? true : null;
  }
  return list(rec, field);
}

/** Diagnosis codes (ICPC-2 or ICD-10, or a chapter/prefix): "P76, P01" or ["P76"]. */
function readDiagnoses(rec: Record<string, unknown>, field: string): string[] | null {
  const text = readCodeListText(rec, field);
  if (text === null) return null;
  const codes = text.split(/[\s,;]+/).map((c) => c.replace(/\.$/, '').toUpperCase()).filter((c) => c !== '' && c !== 'OG');
  const bad = codes.find((c) => !/^[A-Z]\d{1,2}(\.?\w{0,4})?$/.test(c));
  if (bad !== undefined) throw new FieldError(field, `"${bad}" is not a diagnosis code`);
  return codes.length ? [...new Set(codes)] : null;
}

/** maks_repetisjoner 0 = once; N = N times, or N repeats at a reduced share when repetisjonsprosent < 100. */
function readRepetition(rec: Record<string, unknown>): Repetition | null {
  const max = readNumber(rec, 'maks_repetisjoner', { int: true, min: 0 });
  const percent = readNumber(rec, 'repetisjonsprosent', { min: 0 });
  if (percent !== null && percent > 100) throw new FieldError('repetisjonsprosent', `must be at most 100, got ${percent}`);
  if (max === null) return percent !== null && percent < 100 ? { kind: 'reduced', percent, max: null } : null;
  if (max === 0) return { kind: 'once' };
  if (percent !== null && percent < 100) return { kind: 'reduced', percent, max };
  return { kind: 'times', max };
}

/** Tariff years run 1 July to 30 June: the year holding `asOf` (the date asked for), else the latest change in the file. */
function tariffYear(rows: readonly ReadRow[], asOf?: string): { validFrom: string; validTo: string; year: string } {
  const latest = asOf ?? rows.map((r) => r.from).filter((d): d is string => d !== null).sort().pop() ?? new Date().toISOString().slice(0, 10);
  const y = Number(latest.slice(0, 4)) - (Number(latest.slice(5, 7)) < 7 ? 1 : 0);
  return { validFrom: `${y}-07-01`, validTo: `${y + 1}-06-30`, year: `${y}-${y + 1}` };
}

/** The chapter by code number (the API has none): A 1, B 2-20, C 21-29, E 100-699, F 7xx, G 8xx. */
function chapterOf(code: string): string {
  const p = codeParts(normalizeCode(code));
  if (!p) return 'ukjent';
  if (p.prefix === 'k') return 'E';
  if (p.prefix !== '') return 'ukjent';
  if (p.num === 1) return 'A';
  if (p.num <= 20) return 'B';
  if (p.num <= 29) return 'C';
  if (p.num >= 100 && p.num < 700) return 'E';
  if (p.num < 800 && p.num >= 700) return 'F';
  if (p.num < 900 && p.num >= 800) return 'G';
  return 'ukjent';
}

/** d/k letter of chapter A/B codes (merknad LEGEND-D/K): 2ad -> d, 2aek -> k, 2aef -> null. */
function timeClassOf(code: string, chapter: string): TimeClass {
  if (chapter !== 'A' && chapter !== 'B') return null;
  const last = codeParts(normalizeCode(code))?.letters.slice(-1);
  return last === 'd' || last === 'k' ? last : null;
}

function withBase(r: ReadRow, base: TakstRow | undefined, source: Provenance, baseId: string | undefined): TakstRow {
  const provenance: Provenance = { ...source };
  if (!base) {
    const chapter = chapterOf(r.code);
    return { ...r.row, chapter, timeClass: timeClassOf(r.code, chapter), provenance };
  }
  return {
    ...r.row,
    chapter: base.chapter,
    ...(base.kind ? { kind: base.kind } : {}),
    ...(base.labelEn ? { labelEn: base.labelEn } : {}),
    merknader: [...base.merknader],
    allow: base.allow ? { ...base.allow } : null,
    settings: base.settings ? [...base.settings] : null,
    timeClass: base.timeClass,
    minAge: base.minAge,
    maxAgeExclusive: base.maxAgeExclusive,
    ...(base.indication ? { indication: structuredClone(base.indication) } : {}),
    repetition: r.row.repetition ?? base.repetition,
    // Year facts the API has no field for (on-call forms, clock, evening exception, who may bill ...).
    ...carriedRuleOptions(base),
    ...(r.row.durationSteps ?? base.durationSteps ? { durationSteps: r.row.durationSteps ?? base.durationSteps } : {}),
    provenance,
    fieldProvenance: {
      rules: {
        ...base.provenance,
        source: `${baseId ?? 'base version'}: ${base.provenance.source}`,
        note: 'Allow lists, settings, ages, kind, timeClass, merknader and rule options (onCall, clock, eveningException, dayCode, who, prescriptionCode) are not in the takstkoder API; carried over from the base version'
          + (r.row.repetition === null ? ', as is the repetition (the file gives none).' : '.'),
      },
    },
  };
}

const CARRIED_OPTIONS = ['onCall', 'clock', 'eveningException', 'dayCode', 'who', 'prescriptionCode'] as const;

function carriedRuleOptions(base: TakstRow): Partial<TakstRow> {
  const out: Partial<TakstRow> = {};
  for (const k of CARRIED_OPTIONS) if (base[k] !== undefined) Object.assign(out, { [k]: structuredClone(base[k]) });
  return out;
}

/** Schema and compile checks on the assembled version; errors point back to the file's rows. */
function finish(version: TariffVersion, rows: readonly ReadRow[], warnings: string[]): ImportResult {
  const byKey = new Map(rows.map((r) => [normalizeCode(r.code), r.index]));
  const rowOf = (code: string): number => byKey.get(normalizeCode(code)) ?? 0;
  const schema = parseTariffVersion(version);
  if (!schema.ok) {
    return {
      ok: false,
      errors: schema.errors.map((message) => {
        const m = /^takster\.(\d+)\.([^:]+): (.*)$/.exec(message);
        const t = m ? version.takster[Number(m[1])] : undefined;
        return t && m ? { row: rowOf(t.code), code: t.code, field: m[2] ?? '', message: m[3] ?? message } : { row: 0, code: null, field: message.split(':')[0] ?? '', message };
      }),
    };
  }
  const compiled = compileTariff(version);
  if (!compiled.ok) {
    return { ok: false, errors: compiled.errors.map((e) => ({ row: rowOf(e.code), code: e.code || null, field: e.field, message: e.message })) };
  }
  return { ok: true, version, tariff: compiled.tariff, warnings: [...warnings, ...compiled.warnings] };
}

// Fixed key order per kind of object, so a file reads top-down (code first) and diffs stay small.
const KEY_ORDERS: readonly (readonly string[])[] = [
  ['schemaVersion', 'id', 'label', 'validFrom', 'validTo', 'source', 'official', 'origin', 'takster', 'merknader'],
  ['code', 'chapter', 'kind', 'label', 'labelNn', 'labelEn', 'hon', 'ref', 'egen', 'repetition', 'merknader', 'deny', 'allow',
    'requiresAnyOf', 'specialistOnly', 'settings', 'minDurationMinutes', 'maxPerYear', 'timeClass', 'minAge', 'maxAgeExclusive',
    'provenance', 'fieldProvenance', 'replacedBy', 'carriedFrom', 'onCall', 'clock', 'eveningException', 'dayCode', 'durationSteps', 'who',
    'prescriptionCode', 'requiresProcedure', 'requiresDiagnosis', 'indication'],
  ['id', 'summary', 'summaryNn', 'summaryEn', 'url', 'provenance'],
  ['source', 'url', 'year', 'verified', 'note'],
  ['kind', 'max', 'percent'],
  ['any', 'fastlege', 'legevakt'],
  ['hon', 'ref', 'egen', 'rules'],
  ['text', 'icpc2', 'icd10'],
];

function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const order = KEY_ORDERS.find((o) => keys.every((k) => o.includes(k))) ?? [];
  const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, orderKeys(obj[k])]));
}

/** Stable JSON of a version (same input, same bytes; keys in a fixed order) for `<dir>/<id>.json`. */
export function serializeTariff(v: TariffVersion): string {
  return `${JSON.stringify(orderKeys(v), null, 2)}\n`;
}
