// ui:takst: one takst explained (src/core/describe.ts) in the UI's language, and what changed since
// the previous tariff year when that version is loaded too.
import { normalizeCode } from '../../core/codes';
import { describeTakst } from '../../core/describe';
import type { CompiledTariff } from '../../core/types';
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { takstChanges } from '../takst-diff';
import { findTariff, tariffSummary } from '../tariff-summary';

/** The loaded version that starts last before `current` starts. */
export function previousTariff(all: readonly CompiledTariff[], current: CompiledTariff): CompiledTariff | null {
  let best: CompiledTariff | null = null;
  for (const t of all) {
    if (t.ref.validFrom >= current.ref.validFrom) continue;
    if (!best || t.ref.validFrom > best.ref.validFrom) best = t;
  }
  return best;
}

export function uiTakst(ctx: BackgroundContext): Handler<'ui:takst'> {
  return async ({ tariffId, code, locale }) => {
    const { tariff, all } = await findTariff(ctx, tariffId);
    const key = normalizeCode(code);
    const description = describeTakst(tariff, key, locale);
    const rules = tariff.byKey.get(key)?.row.fieldProvenance?.rules;
    const rulesSource = rules ? { source: rules.source, url: rules.url, year: rules.year, verified: rules.verified, ...(rules.note ? { note: rules.note } : {}) } : null;
    const prev = previousTariff(all, tariff);
    if (!description || !prev) return { description, rulesSource, previous: null };
    const before = describeTakst(prev, key, locale);
    if (!before) return { description, rulesSource, previous: { tariff: tariffSummary(prev), status: 'new' as const, changes: [] } };
    const changes = takstChanges(before, description, locale);
    const status = changes.length ? ('changed' as const) : ('unchanged' as const);
    return { description, rulesSource, previous: { tariff: tariffSummary(prev), status, changes } };
  };
}
