// Sums of honorar, refusjon and egenandel for a bill. Unknown amounts are listed, never counted as 0;
// an exemption (fritak for eigendel) makes the patient share 0 and Helfo refunds the whole fee.
import type { AmountField, Amounts, Bill, CompiledTakst, ExemptionId, Repetition } from './types';

/** Ground 7 ("barn under 16 år") and ground 6 ("barn og ungdom under 18 år", specialist care only). */
const UNDER16_AGE = 16;
const PSYCHOTHERAPY_AGE = 18;

/**
 * Whether the bill itself contradicts a claimed ground: `under16` at 16 or more; `psychotherapy-under-18`
 * at 18 or more or outside specialist care ("gjeld spesialisthelsetenesta"). An unknown age contradicts nothing.
 */
export function exemptionContradicted(ground: ExemptionId, bill: Bill): boolean {
  const age = bill.patient?.age;
  if (ground === 'under16') return age !== undefined && age >= UNDER16_AGE;
  if (ground === 'psychotherapy-under-18') return (age !== undefined && age >= PSYCHOTHERAPY_AGE) || bill.setting !== 'spesialist';
  return false;
}

/** The exemption that applies: the first claimed ground the bill does not contradict, else children under 16 by age. */
export function exemptionOf(bill: Bill): ExemptionId | undefined {
  for (const ground of bill.patient?.exemptions ?? []) if (!exemptionContradicted(ground, bill)) return ground;
  const age = bill.patient?.age;
  return age !== undefined && age < UNDER16_AGE ? 'under16' : undefined;
}

/**
 * Merknad B5: folketrygden does not refund the material fees 10a-10d, except in cases under
 * folketrygdloven chapter 13 (occupational injury): then the patient pays nothing for them either.
 */
function exemptsMaterial(exemption: ExemptionId): boolean {
  return exemption === 'occupational-injury';
}

/**
 * How many full fees `count` repetitions are paid as: "0" pays once, N at most N, "50%"/"rep 50%"
 * the first in full and each (allowed) repeat at the reduced percent. Counts above a limit are
 * reported by repetition-limit and not paid.
 */
export function feeMultiplier(rep: Repetition | null, count: number): number {
  if (!rep || rep.kind === 'unlimited') return count;
  if (rep.kind === 'once') return Math.min(count, 1);
  if (rep.kind === 'times') return Math.min(count, rep.max);
  const repeats = Math.min(count - 1, rep.max ?? Infinity);
  return 1 + (repeats * rep.percent) / 100;
}

interface Known {
  hon: number | null;
  ref: number | null;
  egen: number | null;
}

/** Fills one missing amount from the other two (hon = ref + egen); never invents more than that. */
function completed(hon: number | null, ref: number | null, egen: number | null): Known {
  if (hon === null && ref !== null && egen !== null) return { hon: ref + egen, ref, egen };
  if (ref === null && hon !== null && egen !== null) return { hon, ref: hon - egen, egen };
  if (egen === null && hon !== null && ref !== null) return { hon, ref, egen: hon - ref };
  return { hon, ref, egen };
}

export interface AmountLine {
  readonly code: string;
  readonly count: number;
  readonly takst: CompiledTakst | undefined;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Sums per field over the amounts that are known. A code whose honorar, refusjon or egenandel is not
 * known (or that is not in the tariff) is listed in `unknown`, and the sums are then lower bounds.
 * Material fees (10a-d) are direct patient payments, not egenandel, so an exemption leaves them alone,
 * except an occupational injury (merknad B5).
 */
export function computeAmounts(lines: readonly AmountLine[], exemption: ExemptionId | undefined): Amounts {
  let honorar = 0;
  let refusjon = 0;
  let egenandel = 0;
  const unknown: string[] = [];
  let missHon = false;
  let missRef = false;
  let missEgen = false;
  for (const line of lines) {
    const row = line.takst?.row;
    if (!row) {
      unknown.push(line.code);
      missHon = missRef = missEgen = true;
      continue;
    }
    const k = completed(row.hon, row.ref, row.egen);
    if (exemption && (row.kind !== 'material' || exemptsMaterial(exemption))) {
      k.egen = 0;
      k.ref = k.hon;
    }
    const m = feeMultiplier(row.repetition, line.count);
    if (k.hon !== null) honorar += k.hon * m;
    else missHon = true;
    if (k.ref !== null) refusjon += k.ref * m;
    else missRef = true;
    if (k.egen !== null) egenandel += k.egen * m;
    else missEgen = true;
    if (k.hon === null || k.ref === null || k.egen === null) unknown.push(line.code);
  }
  const out: Amounts = { honorar: round2(honorar), refusjon: round2(refusjon), egenandel: round2(egenandel), unknown };
  const incomplete: AmountField[] = [];
  if (missHon) incomplete.push('honorar');
  if (missRef) incomplete.push('refusjon');
  if (missEgen) incomplete.push('egenandel');
  if (incomplete.length) out.incomplete = incomplete;
  if (exemption) out.exemption = exemption;
  return out;
}
