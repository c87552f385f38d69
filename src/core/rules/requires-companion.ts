// A supplement without its base takst on the same bill (since 1 Dec 2017 companions must be on the
// same bill): 2cd without 2ad/2ak, 21 without 2fk or a home visit, 701c without 701a, 11e without 11ak,
// 10a-d without a listed procedure. Which companions a takst needs is tariff data (requiresAnyOf).
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';

export const requiresCompanion: Rule = {
  meta: {
    id: 'requires-companion',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `Helfo: tilleggstakster må stå på samme regning som grunntaksten (fra 1. desember 2017); ${HELFO_GUIDE}` },
    docs: docsPath('requires-companion'),
    description: 'A supplement lacks its base takst (any of requiresAnyOf) on the same bill.',
    messages: { missing: 'rule_requires_companion', fix: 'rule_requires_companion_fix' },
  },
  check(ctx) {
    for (const e of ctx.entries) {
      const need = e.takst?.requiresAnyOf;
      if (!need || need.length === 0) continue;
      let found = false;
      for (const k of need) {
        if (k !== e.key && ctx.byKey.has(k)) {
          found = true;
          break;
        }
      }
      if (found) continue;
      ctx.report({
        codes: [e.key],
        messageId: 'missing',
        data: { code: e.key, companions: need.join(', ') },
        fixId: 'fix',
        source: { url: e.takst?.row.provenance.url ?? undefined },
      });
    }
  },
};
