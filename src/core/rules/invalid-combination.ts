// "Ugyldig takstkombinasjon": a code's deny list names another code on the bill. Combinations the Helfo
// guidance states but the tariff lists do not are deny lists in the bundled data with the seed as their
// source, so this rule only reads data.
import { codeSetHas } from '../codeset/compile';
import { docsPath, HELFO_GUIDE, type BillEntry, type Rule, type RuleContext } from '../rule';
import type { CompiledCodeSet } from '../types';

/** Whether a's deny list forbids b on the same bill. */
export function denies(a: BillEntry, b: BillEntry): boolean {
  const deny = a.takst?.deny;
  return deny !== null && deny !== undefined && codeSetHas(deny, b.code);
}

/** Whether b is a partner to report on a's finding (b is denied, and the pair is not b's finding). */
function reportable(a: BillEntry, b: BillEntry): boolean {
  // Report a pair once: when b (earlier on the bill) already denies a, b's finding names a.
  return b !== a && b.takst !== undefined && !(b.index < a.index && denies(b, a));
}

/** Codes on the bill that a's list denies, in bill order. */
function partnersOf(ctx: RuleContext, a: BillEntry, deny: CompiledCodeSet): BillEntry[] | null {
  let partners: BillEntry[] | null = null;
  if (deny.mode === 'only' && deny.codes.size < ctx.entries.length) {
    // A short list on a long bill: look its codes up instead of scanning the bill.
    for (const k of deny.codes) {
      const b = ctx.byKey.get(k);
      if (b && reportable(a, b)) (partners ??= []).push(b);
    }
    return partners && partners.sort((x, y) => x.index - y.index);
  }
  for (const b of ctx.entries) {
    if (codeSetHas(deny, b.code) && reportable(a, b)) (partners ??= []).push(b);
  }
  return partners;
}

function check(ctx: RuleContext): void {
  for (const a of ctx.entries) {
    const deny = a.takst?.deny;
    if (!a.takst || !deny) continue;
    const partners = partnersOf(ctx, a, deny);
    if (!partners) continue;
    const others = partners.map((b) => b.code);
    const alone = deny.mode === 'allExcept' && deny.codes.size <= 1;
    ctx.report({
      codes: [a.code, ...others],
      messageId: alone ? 'alone' : 'denied',
      data: { code: a.code, others: others.join(', '), list: deny.text },
      fixId: 'fix',
      source: { regulation: `Normaltariffen: ugyldig takstkombinasjon (${a.code}); ${HELFO_GUIDE}`, url: a.takst.row.provenance.url ?? undefined },
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
    description: "A code's deny list names another code on the bill (seed-stated combinations are deny lists in the data).",
    yearData: true,
    messages: { denied: 'rule_invalid_combination', alone: 'rule_invalid_combination_alone', fix: 'rule_invalid_combination_fix' },
  },
  check,
};
