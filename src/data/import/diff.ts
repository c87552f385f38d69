// What changed between two tariff versions, in the terms a clinic checks before using a new one:
// takster new and removed, and per takst the amounts, repetition and code lists that differ.
import { normalizeCode } from '../../core/codes';
import type { TakstRow, TariffVersion } from '../../core/types';

export type DiffValue = string | number | null;
export interface FieldChange {
  field: 'hon' | 'ref' | 'egen' | 'repetition' | 'deny' | 'allow' | 'requiresAnyOf' | 'minDurationMinutes' | 'specialistOnly' | 'label';
  before: DiffValue;
  after: DiffValue;
}
export interface TariffDiff {
  added: string[];
  removed: string[];
  changed: Array<{ code: string; fields: FieldChange[] }>;
}

const FIELDS: ReadonlyArray<[FieldChange['field'], (t: TakstRow) => DiffValue]> = [
  ['hon', (t) => t.hon],
  ['ref', (t) => t.ref],
  ['egen', (t) => t.egen],
  ['repetition', (t) => (t.repetition ? JSON.stringify(t.repetition) : null)],
  ['deny', (t) => t.deny],
  ['allow', (t) => (t.allow ? JSON.stringify(t.allow) : null)],
  ['requiresAnyOf', (t) => t.requiresAnyOf?.join(', ') ?? null],
  ['minDurationMinutes', (t) => t.minDurationMinutes],
  ['specialistOnly', (t) => String(t.specialistOnly)],
  ['label', (t) => t.label],
];

export function diffVersions(before: TariffVersion, after: TariffVersion): TariffDiff {
  const old = new Map(before.takster.map((t) => [normalizeCode(t.code), t]));
  const seen = new Set<string>();
  const added: string[] = [];
  const changed: TariffDiff['changed'] = [];
  for (const t of after.takster) {
    const key = normalizeCode(t.code);
    seen.add(key);
    const prev = old.get(key);
    if (!prev) {
      added.push(t.code);
      continue;
    }
    const fields = FIELDS.flatMap(([field, get]) => {
      const [b, a] = [get(prev), get(t)];
      return b === a ? [] : [{ field, before: b, after: a }];
    });
    if (fields.length) changed.push({ code: t.code, fields });
  }
  const removed = before.takster.filter((t) => !seen.has(normalizeCode(t.code))).map((t) => t.code);
  return { added, removed, changed };
}
