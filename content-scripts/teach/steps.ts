// The steps of teach mode (issue 12 §6), in the order the IT person clicks: the takst field(s), then the
// count, date, time and diagnosis fields, each of which may be skipped.
import type { Picks } from './propose';

export const STEPS = ['code', 'count', 'date', 'time', 'diagnosis'] as const;
export type StepKey = (typeof STEPS)[number];

export class TeachState {
  step = 0;
  readonly picks: Picks = { code: [] };

  get key(): StepKey | null {
    return STEPS[this.step] ?? null;
  }

  get done(): boolean {
    return this.step >= STEPS.length;
  }

  /** A click on a field: the takst step collects (a second click takes one back), the others take one and go on. */
  pick(el: Element): void {
    const key = this.key;
    if (!key) return;
    if (key === 'code') {
      const i = this.picks.code.indexOf(el);
      if (i >= 0) this.picks.code.splice(i, 1);
      else this.picks.code.push(el);
      return;
    }
    this.picks[key] = el;
    this.step++;
  }

  /** Next (or skip): the takst step needs at least one field. */
  next(): void {
    if (this.key === 'code' && !this.picks.code.length) return;
    this.step = Math.min(this.step + 1, STEPS.length);
  }

  restart(): void {
    this.step = 0;
    this.picks.code = [];
    for (const k of STEPS) if (k !== 'code') delete this.picks[k];
  }

  /** Every element picked so far (to outline them). */
  picked(): Element[] {
    return [...this.picks.code, ...STEPS.flatMap((k) => (k === 'code' ? [] : this.picks[k] ? [this.picks[k]!] : []))];
  }
}
