// The report as Norwegian text for people (`--format text`).
import { formatAmount, t } from '../core/i18n';
import { SEVERITIES, type AmountField, type Bill, type Locale, type Report, type Severity } from '../core/types';
import { safeLine } from './safe-text';

const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;


export function formatReportText(bill: Bill, report: Report, locale: Locale): string {
  const lines: string[] = [];
  lines.push(t(locale, 'cli_report_title', { at: bill.at.replace('T', ' '), setting: t(locale, `describe_setting_${bill.setting}`) }));
  lines.push(
    report.tariff
      ? t(locale, 'cli_report_tariff', { id: report.tariff.id, from: report.tariff.validFrom, to: report.tariff.validTo })
      : t(locale, 'cli_report_no_tariff'),
  );
  // Say when the data is not Helsedirektoratet's: a missing code or list may then be our gap, not the tariff's.
  if (report.tariff && report.tariff.official === false) lines.push(t(locale, 'cli_report_tariff_partial', { label: report.tariff.label, year: report.tariff.year }));
  lines.push('');
  const findings = [...report.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  if (findings.length === 0) lines.push(t(locale, 'cli_report_no_findings'));
  for (const f of findings) {
    const codes = f.codes.length ? f.codes.join(', ') : t(locale, 'cli_whole_bill');
    lines.push(`${t(locale, `cli_severity_${f.severity}`).padEnd(9)} ${codes}  [${f.rule}]`);
    lines.push(`    ${f.message}`);
    if (f.fix) lines.push(`    ${t(locale, 'cli_report_fix', { fix: f.fix })}`);
    const src = [f.source.merknad ? t(locale, 'cli_report_merknad', { id: f.source.merknad }) : null, f.source.regulation ?? null, f.source.url ?? null]
      .filter(Boolean)
      .join(' · ');
    if (src) lines.push(`    ${t(locale, 'cli_report_source', { source: src })}`);
  }
  lines.push('');
  const a = report.amounts;
  // A sum that lacks some line's amount is a lower bound; with nothing known it is simply unknown.
  const sum = (field: AmountField) =>
    !a.incomplete?.includes(field)
      ? formatAmount(a[field], locale)
      : a[field] === 0
        ? t(locale, 'common_unknown')
        : t(locale, 'cli_at_least', { amount: formatAmount(a[field], locale) });
  lines.push(t(locale, 'cli_report_amounts', { honorar: sum('honorar'), refusjon: sum('refusjon'), egenandel: sum('egenandel') }));
  if (a.exemption) lines.push(t(locale, 'cli_report_exemption', { ground: a.exemption }));
  if (a.unknown.length) lines.push(t(locale, 'cli_report_unknown_amounts', { codes: a.unknown.join(', ') }));
  // Each entry is one line: a line break or escape sequence inside a bill's value is shown escaped.
  return `${lines.map(safeLine).join('\n')}\n`;
}
