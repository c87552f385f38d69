// One catalog for all UI text and finding messages: the extension's _locales files (Chrome format).
// Placeholders are written `{name}` and filled here, so the same text serves the CLI and every page.
import nb from '../../_locales/nb/messages.json';
import nn from '../../_locales/nn/messages.json';
import en from '../../_locales/en/messages.json';
import type { Locale } from './types';

type Catalog = Record<string, { message: string; description?: string }>;
export const CATALOGS: Record<Locale, Catalog> = { nb, nn, en } as Record<Locale, Catalog>;
export const LOCALES: readonly Locale[] = ['nb', 'nn', 'en'];

export function isLocale(x: unknown): x is Locale {
  return x === 'nb' || x === 'nn' || x === 'en';
}

/** Localised text for `key`; falls back to bokmål, then to the key itself (never throws). */
export function t(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const entry = CATALOGS[locale][key] ?? CATALOGS.nb[key];
  const text = entry ? entry.message : key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** An amount in NOK with the locale's digits and currency words; null is the word for unknown, never 0. */
export function formatAmount(value: number | null, locale: Locale): string {
  if (value === null) return t(locale, 'common_unknown');
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 })));
  return t(locale, 'common_amount', { value: f.format(value) });
}
