// Where a takst may be used: the tariff's `settings` (2ad not in specialist practice, ...), and the
// on-call form at legevakt: 2fk and 1g never with tilstedevakt (1g only at legevakt at all), and 21
// not for travel to the legevakt when on tilstedevakt (it stays valid on a home visit from there).
import { docsPath, HELFO_GUIDE, type BillEntry, type Rule, type RuleContext } from '../rule';

/** Travel supplements (takst 21 and its day/evening variants). */
export function isTravelTakst(key: string): boolean {
  return key === '21' || key === '21d' || key === '21k' || key === '21k2';
}

function hasHomeVisit(ctx: RuleContext): boolean {
  for (const e of ctx.entries) if (e.takst?.row.kind === 'home-visit') return true;
  return false;
}

function onCallFinding(ctx: RuleContext, e: BillEntry): string | null {
  const { setting, onCall } = ctx.bill;
  if (e.key === '1g') {
    if (setting !== 'legevakt') return 'rule_setting_1g_legevakt';
    return onCall === 'presence' ? 'rule_setting_presence' : null;
  }
  if (onCall !== 'presence' || setting !== 'legevakt') return null;
  if (e.key === '2fk') return 'rule_setting_presence';
  if (isTravelTakst(e.key) && !hasHomeVisit(ctx)) return 'rule_setting_presence_travel';
  return null;
}

export const setting: Rule = {
  meta: {
    id: 'setting',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: takst 2ad, 2fk, 1g og 21` },
    docs: docsPath('setting'),
    description: 'A takst is not allowed in this setting or on-call form (2ad in specialist practice; 2fk, 21, 1g with tilstedevakt).',
  },
  check(ctx) {
    const where = ctx.bill.setting;
    for (const e of ctx.entries) {
      if (!e.takst) continue;
      const allowed = e.takst.row.settings;
      if (allowed && !allowed.includes(where)) {
        ctx.report({
          codes: [e.key],
          key: 'rule_setting_not_here',
          params: { code: e.key, setting: where, allowed: allowed.join(', ') },
          fixKey: 'rule_setting_fix',
          source: { url: e.takst.row.provenance.url ?? undefined },
        });
        continue;
      }
      const key = onCallFinding(ctx, e);
      if (key) ctx.report({ codes: [e.key], key, params: { code: e.key }, fixKey: `${key}_fix` });
    }
  },
};
