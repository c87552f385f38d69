// Where a takst may be used: the tariff's `settings` (a row may exclude specialist practice, or allow
// only legevakt), and the on-call form at legevakt: rows whose `onCall` excludes tilstedevakt (the
// data says which), and travel supplements not for travel to the legevakt when on tilstedevakt
// (valid on a home visit from there).
import { docsPath, HELFO_GUIDE, rowRuleSource, type BillEntry, type Rule } from '../rule';

/** Tilstedevakt finding (message id) for a takst that is allowed in this setting; `homeVisit`: the bill has one. */
function presenceFinding(e: BillEntry, homeVisit: boolean): 'presence' | 'presenceTravel' | null {
  const onCall = e.takst?.row.onCall;
  if (onCall && !onCall.includes('presence')) return 'presence';
  if (e.takst?.row.kind === 'travel' && !homeVisit) return 'presenceTravel';
  return null;
}

export const setting: Rule = {
  meta: {
    id: 'setting',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: hvor taksten kan brukes (praksisform og vaktform)` },
    docs: docsPath('setting'),
    description: "A takst is not allowed in this setting (row.settings) or on-call form (row.onCall; travel with tilstedevakt).",
    yearData: true,
    messages: {
      notHere: 'rule_setting_not_here',
      fix: 'rule_setting_fix',
      presence: 'rule_setting_presence',
      presenceFix: 'rule_setting_presence_fix',
      presenceTravel: 'rule_setting_presence_travel',
      presenceTravelFix: 'rule_setting_presence_travel_fix',
    },
  },
  check(ctx) {
    const where = ctx.bill.setting;
    const presence = where === 'legevakt' && ctx.bill.onCall === 'presence';
    const homeVisit = presence && ctx.entries.some((e) => e.takst?.row.kind === 'home-visit');
    for (const e of ctx.entries) {
      if (!e.takst) continue;
      const allowed = e.takst.row.settings;
      if (allowed && !allowed.includes(where)) {
        ctx.report({
          codes: [e.code],
          messageId: 'notHere',
          data: { code: e.code, setting: where, allowed: allowed.join(', ') },
          fixId: 'fix',
          source: { url: e.takst.row.provenance.url ?? undefined },
        });
        continue;
      }
      const id = presence ? presenceFinding(e, homeVisit) : null;
      if (id) ctx.report({ codes: [e.code], messageId: id, data: { code: e.code }, fixId: `${id}Fix`, source: rowRuleSource(e.takst.row) });
    }
  },
};
