// Which tariff version applies to a bill's date. In the core (not src/data) so that the validator can
// use it without importing bundled data.
import type { CompiledTariff } from '../types';

export interface PickedTariff {
  tariff: CompiledTariff | null;
  /** False when no version's validity covers the date and a neighbour was picked instead. */
  covers: boolean;
}

/**
 * The version in force on `date` (`YYYY-MM-DD`, or a date-time whose first 10 characters are the
 * date). When none covers it: the nearest earlier version, else the nearest later one, with
 * covers=false (the validator then warns with rule tariff-version).
 */
export function pickTariff(tariffs: readonly CompiledTariff[], date: string): PickedTariff {
  // Compare dates only: "2024-06-30T10:00" must fall inside a version ending "2024-06-30".
  const day = date.slice(0, 10);
  let covering: CompiledTariff | null = null;
  let earlier: CompiledTariff | null = null;
  let later: CompiledTariff | null = null;
  for (const t of tariffs) {
    const { validFrom, validTo } = t.ref;
    if (validFrom <= day && day <= validTo) {
      // Overlapping versions (an imported file next to the bundled one): the later start wins; on the
      // same start an official version wins over assembled data, whatever the order.
      if (!covering || validFrom > covering.ref.validFrom || (validFrom === covering.ref.validFrom && t.ref.official && !covering.ref.official)) covering = t;
    } else if (validTo < day) {
      if (!earlier || validTo > earlier.ref.validTo) earlier = t;
    } else if (!later || validFrom < later.ref.validFrom) {
      later = t;
    }
  }
  if (covering) return { tariff: covering, covers: true };
  return { tariff: earlier ?? later, covers: false };
}
