// One catalog for all UI text and finding messages: the extension's _locales files (Chrome format).
// Placeholders are written `{name}` and filled here, so the same text serves the CLI and every page.
import nb from '../../_locales/nb/messages.json';
import nn from '../../_locales/nn/messages.json';
import en from '../../_locales/en/messages.json';
import { fillPlaceholders } from './placeholders';
import { LOCALES, type Locale } from './types';

type Catalog = Record<string, { message: string; description?: string }>;
export const CATALOGS: Record<Locale, Catalog> = { nb, nn, en } as Record<Locale, Catalog>;
export { LOCALES };

export function isLocale(x: unknown): x is Locale {
  return (LOCALES as readonly unknown[]).includes(x);
}

/** Localised text for `key`; falls back to bokmål, then to the key itself (never throws). */
export function t(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const entry = CATALOGS[locale][key] ?? CATALOGS.nb[key];
  const text = entry ? entry.message : key;
  return fillPlaceholders(text, params);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** An amount in NOK with the locale's digits and currency words; null is the word for unknown, never 0. */
export function formatAmount(value: number | null, locale: Locale): string {
  if (value === null) return t(locale, 'common_unknown');
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 })));
  return t(locale, 'common_amount', { value: f.format(value) });
}

// Dates and tariff versions as a person reads them (issue 12 §8): 13.03.2024, not 2024-03-13, and
// "Normaltariffen 2023-24", not an internal id like fastlege-2023-2024.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2024-03-13` -> `13.03.2024`; anything that is not an ISO date is returned as it is. */
export function displayDate(value: string): string {
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

/** A tariff version by its tariff year (1 July - 30 June): "Normaltariffen 2023-24". */
export function tariffName(locale: Locale, v: { validFrom: string; validTo: string }): string {
  const from = v.validFrom.slice(0, 4);
  const to = v.validTo.slice(0, 4);
  const years = from === to ? from : `${from}-${to.slice(2)}`;
  return t(locale, 'common_tariff_name', { years });
}

/** A version id such as `fastlege-2023-2024` by its name ("Normaltariffen 2023-24"); other ids as they are. */
export function tariffNameOfId(locale: Locale, id: string): string {
  const m = /(\d{4})-(\d{4})$/.exec(id);
  return m ? tariffName(locale, { validFrom: m[1]!, validTo: m[2]! }) : id;
}

/** A tariff version with its validity: "Normaltariffen 2023-24 (01.07.2023 – 30.06.2024)". */
export function tariffWithValidity(locale: Locale, v: { validFrom: string; validTo: string }): string {
  return t(locale, 'common_tariff_option', { label: tariffName(locale, v), from: displayDate(v.validFrom), to: displayDate(v.validTo) });
}

/**
 * A finding's parameter as its message shows it: ISO dates as Norwegian dates, and the tariff `id` of
 * the tariff-version rule by its name (the rule passes the version's `from` and `to` beside it).
 */
export function displayParam(locale: Locale, name: string, params: Record<string, string | number>): string {
  const v = params[name];
  if (typeof v !== 'string') return String(v);
  if (name === 'id' && typeof params.from === 'string' && typeof params.to === 'string') return tariffName(locale, { validFrom: params.from, validTo: params.to });
  return displayDate(v);
}
