// `takstvakt check [file|-]`: validate one bill, print the report (JSON, or Norwegian text for people).
import { isRealDateTime, parseBill, shownValue } from '../core/bill';
import { validateBill } from '../core/validate';
import type { Locale } from '../core/types';
import { lastOption, type ParsedArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from './io';
import { loadTariffs, readJson } from './tariffs';
import { formatReportText } from './format-report';
import { osloClock } from '../core/oslo-clock';

export function runCheck(args: ParsedArgs, io: CliIO, locale: Locale): number {
  if (args.positionals.length > 1) throw new UsageError('check tar én regningsfil (eller - for standard inn)');
  const format = lastOption(args, 'format') ?? 'json';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format må være json eller text (fikk ${shownValue(format)})`);
  const now = lastOption(args, 'now') ?? nowText();
  if (!isNow(now)) throw new UsageError(`--now må være lokal tid ÅÅÅÅ-MM-DDTTT:MM eller et ISO-tidspunkt med sone (2024-03-13T09:30Z) (fikk ${shownValue(now)})`);
  const source = args.positionals[0] ?? '-';
  const bill = parseBill(readJson(io, source, 'regningen'));
  if (!bill.ok) throw new UsageError(`regningen: ${bill.error}`);
  const tariffs = loadTariffs(io, args.options.get('tariff') ?? []);
  const report = validateBill(bill.value, { tariffs, locale, now });
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReportText(bill.value, report, locale));
  return report.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** Local `YYYY-MM-DDTHH:MM` (seconds allowed) or an instant with Z or an offset, on a real date. */
function isNow(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(s);
  return m !== null && isRealDateTime(m[1] as string) && !Number.isNaN(new Date(m[4] ? s : `${s}Z`).getTime());
}

function nowText(): string {
  const c = osloClock(new Date());
  return `${c.date}T${c.time}`;
}
