// What changed for one takst between two tariff years, field by field, as text in the UI's language.
// Both sides are described the same way (describeTakst), so equal text means no change.
import type { CodeList, TakstDescription } from '../core/describe';
import { formatAmount, t } from '../core/i18n';
import type { Locale } from '../core/types';
import type { Response } from '../messages';

/** `field` is an id; the popup labels it with `popup_field_<field>`. */
export type TakstChange = NonNullable<Response<'ui:takst'>['previous']>['changes'][number];

const amountText = formatAmount;

function listText(l: CodeList, locale: Locale): string {
  if (l.mode === 'none') return t(locale, 'common_none');
  if (l.mode === 'allExcept') return l.codes.length ? `${t(locale, 'popup_codes_all_except')} ${l.codes.join(', ')}` : t(locale, 'popup_codes_all');
  return l.codes.join(', ');
}

function fields(d: TakstDescription, locale: Locale): Array<[string, string]> {
  return [
    ['label', d.label],
    ['hon', amountText(d.hon, locale)],
    ['ref', amountText(d.ref, locale)],
    ['egen', amountText(d.egen, locale)],
    ['repetition', d.repetition],
    ['deny', listText(d.deny, locale)],
    ['allow_any', listText(d.allow.any, locale)],
    ['allow_fastlege', listText(d.allow.fastlege, locale)],
    ['allow_legevakt', listText(d.allow.legevakt, locale)],
    ['requires', d.requiresAnyOf.join(', ') || t(locale, 'common_none')],
    ['conditions', d.conditions.join('; ') || t(locale, 'common_none')],
    ['merknader', d.merknader.map((m) => m.id).join(', ') || t(locale, 'common_none')],
  ];
}

export function takstChanges(before: TakstDescription, after: TakstDescription, locale: Locale): TakstChange[] {
  const old = new Map(fields(before, locale));
  return fields(after, locale).flatMap(([field, value]) => {
    const prev = old.get(field) ?? '';
    return prev === value ? [] : [{ field, before: prev, after: value }];
  });
}
