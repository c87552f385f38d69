// `takstvakt check [file|-]`: validate one bill, print the report (JSON, or Norwegian text for people).
import { parseBill } from '../core/bill';
import { validateBill } from '../core/validate';
import type { Locale } from '../core/types';
import { lastOption, type ParsedArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from './io';
import { loadTariffs, readJson } from './tariffs';
import { formatReportText } from './format-report';
import { osloClock } from '../core/oslo-clock';

export function runCheck(args: ParsedArgs, io: CliIO, locale: Locale): number {
  if (args.positionals.length > 1) throw new UsageError('check takes one bill file (or - for stdin)');
  const source = args.positionals[0] ?? '-';
  const bill = parseBill(readJson(io, source, 'bill'));
  if (!bill.ok) throw new UsageError(`bill: ${bill.error}`);
  const format = lastOption(args, 'format') ?? 'json';
  if (format !== 'json' && format !== 'text') throw new UsageError('--format must be json or text');
  const tariffs = loadTariffs(io, args.options.get('tariff') ?? []);
  const report = validateBill(bill.value, { tariffs, locale, now: lastOption(args, 'now') ?? nowText() });
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReportText(bill.value, report, locale));
  return report.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function nowText(): string {
  const c = osloClock(new Date());
  return `${c.date}T${c.time}`;
}
