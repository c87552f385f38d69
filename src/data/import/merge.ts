// A partial file against the version it would replace: how much it covers, and the merged version
// (the file wins where it has a row; every other row stays, marked as carried from the older version).
import { normalizeCode } from '../../core/codes';
import type { TariffVersion } from '../../core/types';

export type ImportMode = 'merge' | 'replace';

export interface Coverage {
  /** Takster in the file. */
  fileCount: number;
  /** Takster of the version it would replace, and how many of them the file has. */
  againstCount: number;
  covered: number;
  /** Codes of that version the file lacks: carried over when merged, dropped when replaced. */
  missing: string[];
}

export function coverage(file: TariffVersion, against: TariffVersion): Coverage {
  const inFile = new Set(file.takster.map((t) => normalizeCode(t.code)));
  const missing = against.takster.filter((t) => !inFile.has(normalizeCode(t.code))).map((t) => t.code);
  return { fileCount: file.takster.length, againstCount: against.takster.length, covered: against.takster.length - missing.length, missing };
}

/** The file's rows plus the rows only `against` has, each of those with `carriedFrom: against.id`. */
export function mergeVersions(file: TariffVersion, against: TariffVersion): TariffVersion {
  const inFile = new Set(file.takster.map((t) => normalizeCode(t.code)));
  const carried = against.takster.filter((t) => !inFile.has(normalizeCode(t.code))).map((t) => ({ ...t, carriedFrom: t.carriedFrom ?? against.id }));
  if (carried.length === 0) return file;
  const merknadIds = new Set(file.merknader.map((m) => m.id));
  const note = `${carried.length} takster ført videre fra ${against.label} (${against.id}); filen har dem ikke.`;
  return {
    ...file,
    source: { ...file.source, note: file.source.note ? `${file.source.note} ${note}` : note },
    takster: [...file.takster, ...carried],
    // Carried rows may cite merknader the file's version lacks.
    merknader: [...file.merknader, ...against.merknader.filter((m) => !merknadIds.has(m.id))],
  };
}
