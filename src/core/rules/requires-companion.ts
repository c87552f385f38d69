// A supplement without its base takst on the same bill (Helfo's control: companions must be on the
// same bill; its start date is in the docs page). Which companions a takst needs is tariff data:
// requiresAnyOf (official krever_takst), and requiresProcedure (official krever_prosedyre: a list of
// codes, or `true` = any procedure takst).
import { docsPath, HELFO_GUIDE, type BillEntry, type Rule, type RuleContext } from '../rule';

function hasAny(ctx: RuleContext, e: BillEntry, need: readonly string[]): boolean {
  for (const k of need) if (k !== e.code && ctx.byKey.has(k)) return true;
  return false;
}

/** Chapter E holds the procedures (an import without a base derives the chapter from the code). */
function hasProcedure(ctx: RuleContext, e: BillEntry): boolean {
  return ctx.entries.some((b) => b !== e && (b.takst?.row.kind === 'procedure' || b.takst?.row.chapter === 'E'));
}

export const requiresCompanion: Rule = {
  meta: {
    id: 'requires-companion',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `Helfo: tilleggstakster må stå på samme regning som grunntaksten; ${HELFO_GUIDE}` },
    docs: docsPath('requires-companion'),
    description: 'A supplement lacks its base takst (any of requiresAnyOf, or requiresProcedure) on the same bill.',
    yearData: true,
    messages: { missing: 'rule_requires_companion', missingProcedure: 'rule_requires_procedure', fix: 'rule_requires_companion_fix' },
  },
  check(ctx) {
    for (const e of ctx.entries) {
      const row = e.takst?.row;
      if (!row) continue;
      const source = { url: row.provenance.url ?? undefined };
      const need = e.takst?.requiresAnyOf;
      if (need && need.length > 0 && !hasAny(ctx, e, need)) {
        ctx.report({ codes: [e.code], messageId: 'missing', data: { code: e.code, companions: need.join(', ') }, fixId: 'fix', source });
      }
      const proc = row.requiresProcedure;
      if (proc === true && !hasProcedure(ctx, e)) {
        ctx.report({ codes: [e.code], messageId: 'missingProcedure', data: { code: e.code }, fixId: 'fix', source });
      } else if (Array.isArray(proc) && !hasAny(ctx, e, proc.map((c) => c.toLowerCase()))) {
        ctx.report({ codes: [e.code], messageId: 'missing', data: { code: e.code, companions: proc.join(', ') }, fixId: 'fix', source });
      }
    }
  },
};
