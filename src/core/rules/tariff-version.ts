// No loaded tariff version covers the bill's date: the bill was checked against the nearest version,
// whose takster, amounts and rules may differ (each version runs 1 July to 30 June).
import { docsPath, tariffUrl, type Rule } from '../rule';

export const tariffVersion: Rule = {
  meta: {
    id: 'tariff-version',
    defaultSeverity: 'warning',
    bypass: 'never',
    source: { regulation: 'Normaltariffen: hver utgave gjelder fra 1. juli til 30. juni' },
    docs: docsPath('tariff-version'),
    description: "No loaded tariff version covers the bill's date (checked against the nearest one).",
    messages: { nearest: 'rule_tariff_version_nearest', none: 'rule_tariff_version_none', fix: 'rule_tariff_version_fix' },
  },
  check(ctx) {
    if (ctx.tariffCovers) return;
    const { id, validFrom, validTo } = ctx.tariff.ref;
    ctx.report({
      codes: [],
      messageId: 'nearest',
      data: { date: ctx.time.date, id, from: validFrom, to: validTo },
      fixId: 'fix',
      source: { url: tariffUrl(ctx) },
    });
  },
};
