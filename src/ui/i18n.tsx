// The UI language: one context set from the settings' `locale`; components ask `useT()` for text.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../core/i18n';
import type { Locale } from '../core/types';

export const LocaleContext = createContext<Locale>('nb');

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useContext(LocaleContext);
  return (key, params) => t(locale, key, params);
}

/** Amount in NOK in the UI's language (src/core/i18n): an unknown amount is never shown as 0. */
export { formatAmount } from '../core/i18n';
