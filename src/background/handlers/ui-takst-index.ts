// ui:takst-index: every takst of one version with its labels in all languages, and its merknader with
// the takster citing them; the popup builds its search index from this once.
import type { CompiledTariff } from '../../core/types';
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { findTariff, tariffSummary } from '../tariff-summary';

/** A label the curated tariff marks as not retrieved ("innhold ikke hentet", "innholdet er ikke hentet"). */
export const PLACEHOLDER_LABEL = /\binnhold(?:et)?\b[^()]*\bikke hentet\b/i;
/** Real merknad ids (A1, D1, E10); the tariff also carries legend and chapter texts under other ids. */
const MERKNAD_ID = /^[A-Z]{1,2}\d{1,2}[a-z]?$/;

function merknadEntries(tariff: CompiledTariff) {
  const citing = new Map<string, string[]>();
  for (const { row } of tariff.byKey.values()) for (const id of row.merknader) citing.set(id, [...(citing.get(id) ?? []), row.code]);
  return [...tariff.merknader.values()]
    .filter((m) => MERKNAD_ID.test(m.id))
    .map((m) => ({ id: m.id, summary: m.summary, url: m.url, codes: citing.get(m.id) ?? [] }));
}

export function uiTakstIndex(ctx: BackgroundContext): Handler<'ui:takst-index'> {
  return async ({ tariffId }) => {
    const { tariff } = await findTariff(ctx, tariffId);
    const entries = [...tariff.byKey.values()].map(({ key, row }) => ({
        code: row.code,
        key,
        chapter: row.chapter,
        label: row.label,
        ...(row.labelNn ? { labelNn: row.labelNn } : {}),
        ...(row.labelEn ? { labelEn: row.labelEn } : {}),
        ...(row.kind ? { kind: row.kind } : {}),
        ...(PLACEHOLDER_LABEL.test(row.label) ? { placeholder: true } : {}),
      }));
    return { tariff: tariffSummary(tariff), entries, merknader: merknadEntries(tariff) };
  };
}
