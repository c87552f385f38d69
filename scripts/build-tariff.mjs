#!/usr/bin/env node
// Generates src/data/tariffs/fastlege-2023-2024.json from the reference copies (facts.json,
// merknader.json) and the curation in src/data/curation/. Every row says where it came from.
//   node scripts/build-tariff.mjs          write the file
//   node scripts/build-tariff.mjs --check  exit 1 when the committed file differs from a fresh build
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AMOUNT_BOOKS, EGEN_PRICE_LIST, ENTRIES, EXCLUDED, RULE_BOOKS, SEED, VERSION } from '../src/data/curation/fastlege-2023-2024.mjs';
import { MERKNADER } from '../src/data/curation/merknader.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const facts = JSON.parse(readFileSync(join(root, 'src/data/reference/facts.json'), 'utf8'));
const merknadRef = JSON.parse(readFileSync(join(root, 'src/data/reference/merknader.json'), 'utf8'));
const out = join(root, `src/data/tariffs/${VERSION.id}.json`);
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
    ...(rules.indication ? { indication: rules.indication } : {}),
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
    takster: ENTRIES.map(buildRow),
    merknader: buildMerknader(),
  };
}

const text = `${JSON.stringify(build(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const same = existsSync(out) && readFileSync(out, 'utf8') === text;
  if (!same) {
    console.error(`${out} is out of date: run node scripts/build-tariff.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
  console.error(`wrote ${out}`);
}
