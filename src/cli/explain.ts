// `takstvakt explain <code>`: one takst in words (or JSON), from the tariff in force on --date.
import { normalizeCode } from '../core/codes';
import { describeTakst, type CodeList, type TakstDescription } from '../core/describe';
import { formatAmount, t } from '../core/i18n';
import type { Locale } from '../core/types';
import { pickTariff } from '../core/tariff/pick';
import { lastOption, type ParsedArgs } from './args';
import { EXIT_OK, UsageError, type CliIO } from './io';
import { loadTariffs } from './tariffs';
import { osloClock } from '../core/oslo-clock';
import { isRealDateTime, shownValue } from '../core/bill';
import { safeLine } from './safe-text';

function amount(v: number | null, locale: Locale): string {
  return formatAmount(v, locale);
}

function list(l: CodeList, locale: Locale): string | null {
  if (l.mode === 'none') return null;
  if (l.mode === 'allExcept') return l.codes.length ? t(locale, 'cli_explain_all_except', { codes: l.codes.join(', ') }) : t(locale, 'cli_explain_all');
  return l.codes.join(', ');
}

export function formatDescription(d: TakstDescription, locale: Locale): string {
  const out: string[] = [];
  const row = (key: string, value: string | null) => {
    if (value !== null && value !== '') out.push(`${t(locale, key).padEnd(24)} ${value}`);
  };
  out.push(`${d.code}  ${d.label}`);
  out.push('');
  row('cli_explain_amounts', t(locale, 'cli_explain_amounts_value', { hon: amount(d.hon, locale), ref: amount(d.ref, locale), egen: amount(d.egen, locale) }));
  row('cli_explain_repetition', d.repetition);
  row('cli_explain_deny', list(d.deny, locale));
  row('cli_explain_allow', list(d.allow.any, locale));
  row('cli_explain_allow_fastlege', list(d.allow.fastlege, locale));
  row('cli_explain_allow_legevakt', list(d.allow.legevakt, locale));
  row('cli_explain_requires', d.requiresAnyOf.length ? d.requiresAnyOf.join(' / ') : null);
  for (const c of d.conditions) row('cli_explain_condition', c);
  for (const m of d.merknader) row('cli_explain_merknad', `${m.id}: ${m.summary ?? t(locale, 'cli_explain_merknad_unknown')}${m.url ? ` <${m.url}>` : ''}`);
  row('cli_explain_tariff', `${d.tariff.id} (${d.tariff.validFrom}–${d.tariff.validTo})`);
  const p = d.provenance;
  row('cli_explain_source', `${p.source}${p.year ? `, ${p.year}` : ''}${p.verified ? '' : ` (${t(locale, 'cli_explain_unverified')})`}${p.url ? ` <${p.url}>` : ''}`);
  return `${out.map(safeLine).join('\n')}\n`;
}

export function runExplain(args: ParsedArgs, io: CliIO, locale: Locale): number {
  const code = args.positionals[0];
  if (!code || args.positionals.length > 1) throw new UsageError('explain tar én takstkode, f.eks. takstvakt explain 2ad');
  const date = lastOption(args, 'date') ?? osloClock(new Date()).date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDateTime(date)) throw new UsageError(`--date må være en dato ÅÅÅÅ-MM-DD (fikk ${shownValue(date)})`);
  const { tariff } = pickTariff(loadTariffs(io, args.options.get('tariff') ?? []), date);
  const d = tariff ? describeTakst(tariff, normalizeCode(code), locale) : null;
  if (!d) throw new UsageError(t(locale, 'cli_explain_unknown_code', { code: shownValue(code), tariff: tariff?.ref.id ?? '-' }));
  io.stdout(lastOption(args, 'format') === 'json' ? `${JSON.stringify(d, null, 2)}\n` : formatDescription(d, locale));
  return EXIT_OK;
}
