#!/usr/bin/env node
// Generates src/data/tariffs/fastlege-2023-2024.json from the reference copies (facts.json,
// merknader.json) and the curation in src/data/curation/, and from it the carried-forward versions
// for 2024-25, 2025-26 and 2026-27 (curation/later-years.mjs). Every row says where it came from.
//   node scripts/build-tariff.mjs          write the files
//   node scripts/build-tariff.mjs --check  exit 1 when a committed file differs from a fresh build
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AMOUNT_BOOKS, EGEN_PRICE_LIST, ENTRIES, EXCLUDED, RULE_BOOKS, SEED, VERSION } from '../src/data/curation/fastlege-2023-2024.mjs';
import { MERKNADER } from '../src/data/curation/merknader.mjs';
import { ADDED, BASE_ID, BASE_NAME, CHANGED, JULY_2024_PROVENANCE, YEARS } from '../src/data/curation/later-years.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const facts = JSON.parse(readFileSync(join(root, 'src/data/reference/facts.json'), 'utf8'));
const merknadRef = JSON.parse(readFileSync(join(root, 'src/data/reference/merknader.json'), 'utf8'));
const outOf = (id) => join(root, `src/data/tariffs/${id}.json`);
const INDEX_BOOK = 'normaltariffen.no digital edition (code index only, current at crawl time)';

/** `Fastlegetariffen-2023-2024` -> `2023-2024`; `Fastlegetariffen-2019-XML-c` -> `2019`; undated -> null. */
function bookYear(book) {
  if (!book) return null;
  const span = /(\d{4})-(\d{4})/.exec(book);
  if (span) return `${span[1]}-${span[2]}`;
  const single = /(?:-|\s)(\d{4})(?:-XML|\b)/.exec(book);
  return single ? single[1] : null;
}

function parseRep(rep) {
  if (rep === null || rep === undefined) return null;
  const r = String(rep).trim().toLowerCase();
  if (r === '0') return { kind: 'once' };
  if (r === 'rep' || r === 'rep.') return { kind: 'unlimited' };
  const half = /^(rep\s+)?(\d+)\s*%$/.exec(r);
  if (half) return { kind: 'reduced', percent: Number(half[2]), max: half[1] ? null : 1 };
  if (/^\d+$/.test(r)) return { kind: 'times', max: Number(r) };
  throw new Error(`unknown Rep cell "${rep}"`);
}

const factsProvenance = (row, verified, note) => ({
  source: row.book,
  url: row.url ?? null,
  year: bookYear(row.book),
  verified,
  ...(note ? { note } : {}),
});

function whyProvenance(why, rows) {
  if (why.seed) return { source: `${SEED}, avsnitt «${why.seed}»`, url: null, year: null, verified: false, note: why.note };
  if (why.merknad) {
    const m = merknadRef.find((x) => x.id === why.merknad);
    return { source: `Merknad ${why.merknad} (${m?.book ?? 'utgave ukjent'})`, url: m?.url ?? null, year: bookYear(m?.book), verified: Boolean(m?.retrieved), note: why.note };
  }
  const row = rows.find((r) => r.book === why.facts);
  if (!row) throw new Error(`why.facts names ${why.facts}, which has no row`);
  return factsProvenance(row, why.facts === VERSION.book || why.facts === 'Spesialisttariffen-2023-2024', why.note);
}

/** Row fields that carry a rule's year facts (src/core/types.ts TakstRow), copied from the curation. */
const ROW_FACTS = ['onCall', 'clock', 'eveningException', 'dayCode', 'durationSteps', 'who', 'prescriptionCode', 'indication'];

const rank = (book) => {
  const i = RULE_BOOKS.indexOf(book);
  return i < 0 ? Infinity : i;
};

function buildRow(e) {
  const rows = facts.filter((r) => r.code === e.code).sort((a, b) => rank(a.book) - rank(b.book));
  const ruleRow = rows.find((r) => rank(r.book) < Infinity && (r.rep !== null || r.invalidCombinationRaw || r.allowOnlyRaw));
  const amountRow = rows.find((r) => AMOUNT_BOOKS.includes(r.book) && (r.hon !== null || r.ref !== null || r.egen !== null));
  const priceRow = rows.find((r) => r.book === EGEN_PRICE_LIST && r.egen !== null);
  const indexRow = rows.find((r) => r.book === INDEX_BOOK);
  const rules = e.rules ?? {};
  const fieldProvenance = {};

  // Row provenance: the 2023-24 source that has the row; else what makes us believe the code exists then.
  const current = rows.find((r) => AMOUNT_BOOKS.includes(r.book));
  let provenance;
  if (current) provenance = { ...factsProvenance(current, true), year: VERSION.year };
  else if (indexRow)
    provenance = { source: 'normaltariffen.no, digital utgave (kodeindeks)', url: indexRow.url ?? null, year: VERSION.year, verified: false, note: 'Koden står i kodeindeksen til dagens utgave og antas å finnes i 2023–2024; tekst og beløp fra den utgaven er ikke hentet.' };
  else if (rows[0])
    provenance = { ...factsProvenance(rows[0], false), year: VERSION.year, note: `Bare kjent fra ${rows[0].book}; antatt uendret i 2023–2024.` };
  else if (e.onlySeed)
    provenance = { source: SEED, url: null, year: VERSION.year, verified: false, note: e.rulesNote ?? 'Koden er bare beskrevet i Helfo-veiledningen (udatert) og antas gyldig i 2023–2024.' };
  else throw new Error(`${e.code}: no source at all`);

  // Amounts: only figures for 2023-24 (docs/tariff-data.md). Hon/ref tables have no egenandel column.
  let hon = amountRow?.hon ?? null;
  let ref = amountRow?.ref ?? null;
  let egen = amountRow?.egen ?? null;
  if (egen === null && hon !== null && ref !== null && hon === ref) {
    egen = 0;
    fieldProvenance.egen = { ...factsProvenance(amountRow, true), year: VERSION.year, note: 'Avledet: tabellen har én Hon/ref-kolonne, så egenandel = honorar − refusjon = 0.' };
  }
  if (priceRow && egen === null) {
    egen = priceRow.egen;
    fieldProvenance.egen = { ...factsProvenance(priceRow, false), year: VERSION.year, note: 'Egenandel fra klinikkers prisliste for 2023–2024, ikke fra tariffteksten.' };
  } else if (priceRow && egen !== priceRow.egen) {
    throw new Error(`${e.code}: egenandel ${egen} in the tariff but ${priceRow.egen} in the 2023-24 price list; decide in the curation`);
  }

  // Rules: the best-ranked row that was read in full; curation overrides say why.
  let deny = ruleRow?.invalidCombinationRaw ?? null;
  let allow = ruleRow?.allowOnlyRaw ?? null;
  let repetition = parseRep(ruleRow?.rep);
  if (ruleRow && !AMOUNT_BOOKS.includes(ruleRow.book)) {
    fieldProvenance.rules = factsProvenance(ruleRow, false, `Rep, merknader og kombinasjonslister fra ${ruleRow.book}; antatt uendret i 2023–2024.`);
  }
  if (rules.deny !== undefined) {
    if (deny !== null) throw new Error(`${e.code}: curation deny would replace the tariff's own list`);
    deny = rules.deny;
  }
  if (rules.repetition !== undefined) repetition = rules.repetition;
  if (rules.why) {
    const p = whyProvenance(rules.why, rows);
    if (fieldProvenance.rules) p.note = `${p.note} Øvrige regler: ${fieldProvenance.rules.source}.`;
    fieldProvenance.rules = p;
  }
  const factsMerknader = ruleRow?.merknader ?? rows.find((r) => r.merknader?.length)?.merknader ?? [];
  // Curation may add a merknad a seed ties to the takst (e.g. 2fk -> D1); never removes one.
  const merknader = [...new Set([...factsMerknader, ...(rules.merknader ?? [])])];

  const row = {
    code: e.code,
    chapter: e.chapter ?? rows[0]?.chapter ?? null,
    kind: e.kind,
    label: e.label,
    ...(rows[0]?.label ? { labelEn: rows.find((r) => rank(r.book) < Infinity)?.label ?? rows[0].label } : {}),
    hon,
    ref,
    egen,
    repetition,
    merknader: [...merknader],
    deny,
    allow,
    requiresAnyOf: rules.requiresAnyOf ?? null,
    specialistOnly: rules.specialistOnly ?? false,
    settings: rules.settings ?? null,
    minDurationMinutes: rules.minDurationMinutes ?? null,
    maxPerYear: rules.maxPerYear ?? null,
    timeClass: e.timeClass ?? null,
    minAge: rules.minAge ?? null,
    maxAgeExclusive: rules.maxAgeExclusive ?? null,
    provenance,
    ...(Object.keys(fieldProvenance).length ? { fieldProvenance } : {}),
    ...(e.replacedBy ? { replacedBy: e.replacedBy } : {}),
    // Year facts the rules read (rule options on the row); each comes with the entry's `why`.
    ...Object.fromEntries(ROW_FACTS.filter((k) => rules[k] !== undefined).map((k) => [k, rules[k]])),
  };
  if (!row.chapter) throw new Error(`${e.code}: chapter unknown`);
  return row;
}

function buildMerknader() {
  const ids = [...new Set([...merknadRef.map((m) => m.id), ...Object.keys(MERKNADER)])];
  return ids.map((id) => {
    const ref = merknadRef.find((m) => m.id === id);
    const cur = MERKNADER[id];
    if (!cur) throw new Error(`merknad ${id}: no curation entry`);
    if (cur.summary !== null && cur.from === 'reference' && !ref?.retrieved) throw new Error(`merknad ${id}: summary from an unretrieved text`);
    const provenance =
      cur.from === 'seed'
        ? { source: `${SEED}, avsnitt «${cur.section}»`, url: null, year: null, verified: false, note: 'Merknadsteksten er ikke hentet; sammendraget bygger på Helfo-veiledningen.' }
        : { source: ref?.book ?? 'utgave ukjent', url: ref?.url ?? null, year: bookYear(ref?.book), verified: Boolean(ref?.retrieved), ...(cur.summary === null ? { note: 'Teksten er ikke hentet.' } : {}) };
    return { id, summary: cur.summary, url: ref?.url ?? null, provenance };
  });
}

export function build() {
  const codes = new Set(ENTRIES.map((e) => e.code));
  if (codes.size !== ENTRIES.length) throw new Error('a code appears twice in the curation');
  for (const f of facts) {
    if (!codes.has(f.code) && !(f.code in EXCLUDED)) throw new Error(`facts.json names ${f.code}; add it to the curation or EXCLUDED`);
  }
  for (const c of Object.keys(EXCLUDED)) if (codes.has(c)) throw new Error(`${c} is both curated and excluded`);
  return {
    schemaVersion: 1,
    id: VERSION.id,
    label: VERSION.label,
    validFrom: VERSION.validFrom,
    validTo: VERSION.validTo,
    source: { source: VERSION.book, url: VERSION.url, year: VERSION.year, verified: false, note: 'Delvis utgave bygd fra referansedata, Helfo-tekstene og klinikkers prislister; se docs/tariff-data.md.' },
    official: false,
    origin: 'bundled',
    takster: ENTRIES.map(buildRow),
    merknader: buildMerknader(),
  };
}

// --- Later years: the 2023-24 version carried forward, plus what the reference says about the year ---

/** A price-list row's address: the cited original when the row names one inside prose, else its url. */
function priceListUrl(row) {
  const m = /https?:\/\/\S+/.exec(row.url ?? '');
  return m ? m[0].replace(/[).,;]+$/, '') : null;
}

function egenFor(code, y) {
  if (!y.egenBook) return null;
  const row = facts.find((r) => r.code === code && r.book === y.egenBook && r.egen !== null);
  if (!row) return null;
  const via = /^https?:\/\//.test(row.url ?? '') ? '' : ` Hentet via ${row.url}.`;
  return { egen: row.egen, provenance: { source: row.book, url: priceListUrl(row), year: y.year, verified: false, note: `Egenandel fra klinikkers prisliste for ${y.year.replace('-', '–')}, ikke fra tariffteksten.${via}` } };
}

function carriedRow(base, y) {
  const change = CHANGED[base.code] ?? {};
  const { note: changeNote, ...fields } = change;
  const { provenance, fieldProvenance } = base;
  const rules = fieldProvenance?.rules ?? { ...provenance, note: `Regler fra kilden for ${BASE_NAME}; antatt uendret.` };
  const row = {
    ...base, // keeps the key order of the base row
    hon: null,
    ref: null,
    egen: null,
    provenance: changeNote
      ? { ...JULY_2024_PROVENANCE, year: y.year, note: `${changeNote} Øvrige regler og lister er videreført fra ${BASE_NAME} og ikke kontrollert; beløp ukjent.` }
      : { source: `Takstvakt: videreført fra ${BASE_NAME}`, url: provenance.url, year: y.year, verified: false, note: `Ingen kilde for ${y.year.replace('-', '–')} er hentet; kode, regler og lister er videreført fra ${BASE_NAME} og ikke kontrollert. Honorar og refusjon ukjent.` },
    fieldProvenance: { rules },
    carriedFrom: BASE_ID,
  };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete row[k];
    else row[k] = v;
  }
  const e = egenFor(base.code, y);
  if (e) {
    row.egen = e.egen;
    row.fieldProvenance = { egen: e.provenance, rules };
  }
  return row;
}

function addedRow(a, y, rows) {
  const { egenLike, rulesProvenance, provenance, ...fields } = a;
  const row = {
    code: a.code, chapter: a.chapter, kind: a.kind, label: a.label, labelEn: a.labelEn,
    hon: null, ref: null, egen: null, repetition: null, merknader: [], deny: null, allow: null, requiresAnyOf: null,
    specialistOnly: false, settings: null, minDurationMinutes: null, maxPerYear: null, timeClass: null, minAge: null, maxAgeExclusive: null,
    provenance: { ...provenance, year: y.year },
    fieldProvenance: { rules: rulesProvenance },
  };
  for (const [k, v] of Object.entries(fields)) row[k] = v;
  const like = rows.find((r) => r.code === egenLike);
  if (like && like.egen !== null) {
    row.egen = like.egen;
    row.fieldProvenance = { egen: { ...like.fieldProvenance.egen, note: `Avledet: egenandel som ${egenLike} (referansedataene: «egenandel equal to 2ad/2ae»). ${like.fieldProvenance.egen.note}` }, rules: rulesProvenance };
  }
  return row;
}

export function buildLater(base, y) {
  for (const code of Object.keys(CHANGED)) if (!base.takster.some((t) => t.code === code)) throw new Error(`later-years: ${code} is not in ${BASE_ID}`);
  const carried = base.takster.map((t) => carriedRow(t, y));
  const rows = [...carried, ...ADDED.map((a) => addedRow(a, y, carried))];
  return {
    schemaVersion: 1,
    id: y.id,
    label: y.label,
    validFrom: y.validFrom,
    validTo: y.validTo,
    source: {
      source: `Takstvakt: delvis tariff for ${y.year.replace('-', '–')} bygd fra referansedata`,
      url: null,
      year: y.year,
      verified: false,
      note: `Ingen utgave av normaltariffen for ${y.year.replace('-', '–')} er hentet. Takstene og reglene er videreført fra ${BASE_NAME} (uverifisert); endringer fra referansedataene: 2aef ny fra 1. juli 2024, 2aek bare legevakt. Honorar og refusjon ukjent; egenandeler bare der en prisliste for året gir dem.`,
    },
    official: false,
    origin: 'bundled',
    takster: rows,
    merknader: base.merknader.map((m) => ({ ...m })),
  };
}

const base = build();
const versions = [base, ...YEARS.map((y) => buildLater(base, y))];
let stale = false;
for (const v of versions) {
  const out = outOf(v.id);
  const text = `${JSON.stringify(v, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (!(existsSync(out) && readFileSync(out, 'utf8') === text)) {
      console.error(`${out} is out of date: run node scripts/build-tariff.mjs`);
      stale = true;
    }
  } else {
    writeFileSync(out, text);
    console.error(`wrote ${out}`);
  }
}
if (stale) process.exit(1);
