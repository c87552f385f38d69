// "Les mer" help pages (issue 12 §8): one short page per rule and language, built into the extension
// at help/<locale>/<rule>.html from whatever docs/rules/*.md exist at build time. The developer page
// (English, docs/rules/<id>.html) stays and is linked; the help page is for the doctor: the rule's name
// and a short text from the catalog (help_rule_<id>), its default severity, its examples as bills in
// words (dates as 13.03.2024) and its sources.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function catalog(locale) {
  const nb = JSON.parse(readFileSync('_locales/nb/messages.json', 'utf8'));
  const own = JSON.parse(readFileSync(`_locales/${locale}/messages.json`, 'utf8'));
  return (key, params = {}) => {
    const entry = own[key] ?? nb[key];
    if (!entry) return null;
    return entry.message.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  };
}

/** `## Heading` -> body, for one rule page. */
function sections(md) {
  const out = {};
  for (const part of md.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n');
    out[part.slice(0, nl).trim()] = part.slice(nl + 1);
  }
  return out;
}

const displayDate = (iso) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3.$2.$1');

/** An example bill (the docs page's JSON) in words: takster, where, when, diagnosis, patient. */
function billWords(tr, bill) {
  const parts = [];
  const codes = (bill.lines ?? []).map((l) => (l.count > 1 ? `${l.code} ×${l.count}` : l.code)).join(', ');
  if (codes) parts.push(tr('help_bill_takster', { codes }));
  if (bill.setting) {
    const setting = tr(`common_setting_${bill.setting}`) ?? bill.setting;
    parts.push(bill.onCall ? tr('common_profile_with_oncall', { setting, onCall: tr(`common_oncall_${bill.onCall}`) ?? bill.onCall }) : setting);
  }
  if (typeof bill.at === 'string') parts.push(tr('help_bill_at', { date: displayDate(bill.at.slice(0, 10)), time: bill.at.slice(11, 16) }));
  if (bill.urgent) parts.push(tr('help_bill_urgent'));
  parts.push(bill.diagnoses?.length ? tr('help_bill_diagnoses', { codes: bill.diagnoses.join(', ') }) : tr('help_bill_no_diagnosis'));
  if (bill.patient?.age !== undefined) parts.push(tr('help_bill_age', { age: bill.patient.age }));
  if (bill.durationMinutes !== undefined) parts.push(tr('help_bill_duration', { minutes: bill.durationMinutes }));
  if (bill.clinician?.performedBy === 'staff') parts.push(tr('help_bill_staff'));
  return parts.join(' · ');
}

function exampleBill(text) {
  const m = /```json\n([\s\S]*?)```/.exec(text ?? '');
  if (!m) return null;
  try {
    return JSON.parse(m[1]);
  } catch {
    return null;
  }
}

/** Source lines: markdown links become links (http/https only), the rest plain text. */
function sourceItems(text) {
  return (text ?? '')
    .split('\n')
    .filter((l) => /^\s*[-*]\s/.test(l))
    .map((l) => {
      const item = l.replace(/^\s*[-*]\s+/, '');
      const link = /^\[([^\]]+)\]\((https?:[^)\s]+)\)(.*)$/.exec(item);
      const plain = (s) => esc(s.replace(/[`*]/g, ''));
      return link ? `<a href="${esc(link[2])}" rel="noopener noreferrer" target="_blank">${plain(link[1])}</a>${plain(link[3])}` : plain(item);
    });
}

export function helpPage(id, md, locale) {
  const tr = catalog(locale);
  const s = sections(md);
  const name = tr(`options_rule_${id}`) ?? id;
  const severity = /\|\s*`(error|warning|info|off)`/.exec(md)?.[1];
  const valid = exampleBill(s['Valid example']);
  const invalid = exampleBill(s['Invalid example']);
  const sources = sourceItems(s.Source);
  const text = tr(`help_rule_${id}`) ?? tr('help_no_text');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(tr('help_title', { rule: name }))} - Takstvakt</title>
<link rel="stylesheet" href="../../docs/rules/docs.css">
</head>
<body>
<main data-rule="${esc(id)}">
<h1>${esc(name)}</h1>
<h2>${esc(tr('help_what'))}</h2>
<p class="help-text">${esc(text)}</p>
${severity ? `<p>${esc(tr('help_severity', { severity: tr(`common_severity_${severity}`) ?? severity }))}</p>` : ''}
${valid || invalid ? `<h2>${esc(tr('help_examples'))}</h2>\n<ul class="examples">${invalid ? `<li class="invalid"><strong>${esc(tr('help_invalid'))}</strong> ${esc(billWords(tr, invalid))}</li>` : ''}${valid ? `<li class="valid"><strong>${esc(tr('help_valid'))}</strong> ${esc(billWords(tr, valid))}</li>` : ''}</ul>` : ''}
${sources.length ? `<h2>${esc(tr('help_sources'))}</h2>\n<ul class="sources">${sources.map((x) => `<li>${x}</li>`).join('')}</ul>` : ''}
<p class="developer"><a href="../../docs/rules/${esc(id)}.html" lang="en">${esc(tr('help_developer'))}</a></p>
</main>
</body>
</html>
`;
}

/** Every help page: `help/<locale>/<id>.html` -> html. */
export function helpPages(docsDir, locales) {
  const files = existsSync(docsDir) ? readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort() : [];
  const out = [];
  for (const f of files) {
    const id = f.slice(0, -3);
    const md = readFileSync(join(docsDir, f), 'utf8');
    for (const locale of locales) out.push({ path: join('help', locale, `${id}.html`), html: helpPage(id, md, locale) });
  }
  return out;
}
