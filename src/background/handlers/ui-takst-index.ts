// ui:takst-index: every takst of one version with its labels in all languages; the popup builds its
// search index from this once.
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { findTariff, tariffSummary } from './ui-tariff-summary';

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
      }));
    return { tariff: tariffSummary(tariff), entries };
  };
}
