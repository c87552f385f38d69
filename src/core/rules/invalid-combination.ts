// "Ugyldig takstkombinasjon": a code's deny list names another code on the bill. Besides the tariff
// data, two combinations the Helfo guidance states are encoded here because the lists do not say them:
// 1i (prescription contact) never with a consultation or home-visit takst, and 2ae not with 1i or 1h.
import { codeSetHas } from '../codeset/compile';
import { docsPath, HELFO_GUIDE, isDoctorOnlyKind, type BillEntry, type Rule, type RuleContext } from '../rule';
import type { CompiledCodeSet } from '../types';

/** Seed rules: a takst that may not be billed with others on the same bill (beyond the data). */
function deniedBySeed(a: BillEntry, b: BillEntry): boolean {
  if (a.key === '1i') return isDoctorOnlyKind(b.takst);
  if (a.key === '2ae') return b.key === '1i' || b.key === '1h';
  return false;
}

/** Whether a's deny list (or a seed rule) forbids b on the same bill. */
export function denies(a: BillEntry, b: BillEntry): boolean {
  const deny = a.takst?.deny;
  return (deny !== null && deny !== undefined && codeSetHas(deny, b.key)) || deniedBySeed(a, b);
}

/** Whether b is a partner to report on a's finding (b is denied, and the pair is not b's finding). */
function reportable(a: BillEntry, b: BillEntry): boolean {
  // Report a pair once: when b (earlier on the bill) already denies a, b's finding names a.
  return b !== a && b.takst !== undefined && !(b.index < a.index && denies(b, a));
}

/** Codes on the bill that a's list (or a seed rule) denies, in bill order. */
function partnersOf(ctx: RuleContext, a: BillEntry, deny: CompiledCodeSet | null, seeded: boolean): BillEntry[] | null {
  let partners: BillEntry[] | null = null;
  if (deny && deny.mode === 'only' && !seeded && deny.codes.size < ctx.entries.length) {
    // A short list on a long bill: look its codes up instead of scanning the bill.
    for (const k of deny.codes) {
      const b = ctx.byKey.get(k);
      if (b && reportable(a, b)) (partners ??= []).push(b);
    }
    return partners && partners.sort((x, y) => x.index - y.index);
  }
  for (const b of ctx.entries) {
    if (!((deny !== null && codeSetHas(deny, b.key)) || (seeded && deniedBySeed(a, b)))) continue;
    if (reportable(a, b)) (partners ??= []).push(b);
  }
  return partners;
}

function check(ctx: RuleContext): void {
  for (const a of ctx.entries) {
    if (!a.takst) continue;
    const deny = a.takst.deny;
    // Most codes have neither a deny list nor a seed rule.
    const seeded = a.key === '1i' || a.key === '2ae';
    if (!deny && !seeded) continue;
    const partners = partnersOf(ctx, a, deny, seeded);
    if (!partners) continue;
    const others = partners.map((b) => b.key);
    const alone = deny !== null && deny.mode === 'allExcept' && deny.codes.size <= 1;
    ctx.report({
      codes: [a.key, ...others],
      key: alone ? 'rule_invalid_combination_alone' : 'rule_invalid_combination',
      params: { code: a.key, others: others.join(', '), list: deny?.text ?? '' },
      fixKey: 'rule_invalid_combination_fix',
      source: { regulation: `Normaltariffen: ugyldig takstkombinasjon (${a.key}); ${HELFO_GUIDE}`, url: a.takst.row.provenance.url ?? undefined },
    });
  }
}

export const invalidCombination: Rule = {
  meta: {
    id: 'invalid-combination',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { merknad: 'A1', regulation: `Normaltariffen: ugyldig takstkombinasjon; ${HELFO_GUIDE}` },
    docs: docsPath('invalid-combination'),
    description: "A code's deny list (or a seed rule: 1i with consultations, 2ae with 1i/1h) names another code on the bill.",
  },
  check,
};
