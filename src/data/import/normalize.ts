// Input normalisation for the takstkoder importer: the shapes the API and hand-made files are seen or
// documented to take, reduced to one shape before any field is read. Only the spelling changes here;
// what a field means is decided by the importer.

/** The row list: `{"takstkoder": [...]}` as the API answers, or a bare array as some exports save it. */
export function takstkoderList(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null) return null;
  const list = (json as { takstkoder?: unknown }).takstkoder;
  return Array.isArray(list) ? list : null;
}

/** `ugyldigKombinasjon` -> `ugyldig_kombinasjon` (the sister NLK API writes camelCase). */
const snake = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const AMOUNT_FIELDS = new Set(['honorar', 'refusjon', 'egenandel', 'pasient_egenbetaling', 'repetisjonsprosent', 'minimum_tidsbruk', 'tidsbruk_per_rep']);
const DATE_FIELDS = new Set(['fradato', 'tildato']);
/** Free-text companion lists say "2ad eller 2ak"; the code reader takes commas. */
const CODE_WORD_FIELDS = new Set(['krever_takst', 'krever_prosedyre']);

/** "1 234,50" (space, no-break or thin space between digit groups) -> "1234,50"; other text unchanged. */
function amountText(v: string): string {
  const s = v.trim();
  return /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/.test(s) ? s.replace(/[ \u00a0\u202f]/g, '') : s;
}

/** "01.07.2024" (Norwegian order) -> "2024-07-01"; ISO dates and date-times unchanged. */
function dateText(v: string): string {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(v);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v;
}

/** One row with snake_case keys, "null"/"-" as absent, thousands separators and dotted dates undone. */
export function normalizeRow(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const k = snake(key);
    let v = value;
    if (typeof v === 'string') {
      const t = v.trim();
      if (t === '' || t === '-' || t.toLowerCase() === 'null') v = null;
      else if (AMOUNT_FIELDS.has(k)) v = amountText(t);
      else if (DATE_FIELDS.has(k)) v = dateText(t);
      else if (CODE_WORD_FIELDS.has(k)) v = t.replace(/\s+eller\s+/giu, ', ');
    }
    // A snake_case key given twice (camel and snake spelling) keeps the first non-empty value.
    if (!(k in out) || out[k] === null || out[k] === undefined) out[k] = v;
  }
  return out;
}

/** Fields that identify a row in the API's store but say nothing about the takst. */
const ID_FIELDS = new Set(['takst_id', 'resource_id', 'id']);

/** No real field nests this deep; a deeper one is a bad value the row check names, not a duplicate. */
const MAX_CONTENT_DEPTH = 32;

/** Whether a value nests deeper than `max` (iterative: a hostile file must not overflow the stack). */
function nestsDeeper(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
  return false;
}

/**
 * A stable text of a row's content without its ids: two rows with the same key are the same takst row.
 * Null for a row with a value nested too deep to compare (it is never a duplicate; its check fails).
 */
export function rowContentKey(row: Record<string, unknown>): string | null {
  const keys = Object.keys(row).filter((k) => !ID_FIELDS.has(k)).sort();
  if (keys.some((k) => nestsDeeper(row[k], MAX_CONTENT_DEPTH))) return null;
  return JSON.stringify(keys.map((k) => [k, row[k] ?? null]));
}
