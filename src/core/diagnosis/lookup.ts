// Which code list a diagnosis code is in: Norwegian ICPC-2 (with its component) or Norwegian ICD-10.
// The packed lists (codes.generated.ts) are indexed by their 3-character groups on first use only
// (a few thousand map entries, not 20,000 strings), so a bill without diagnoses costs nothing and the
// service worker starts as before.
import { ICD10, ICPC2_DIAGNOSIS, ICPC2_PROCESS, ICPC2_SYMPTOM } from './codes.generated';

/** ICPC-2 component: symptom (01-29), process (30-69) or diagnosis/disease (70-99). */
export type IcpcKind = 'symptom' | 'process' | 'diagnosis';

/** A packed list (`A00 0 1 9|A01 .`): group -> its suffixes, upper case; `.` = the group itself. */
class PackedList {
  private groups: Map<string, readonly string[]> | null = null;
  constructor(private readonly packed: string) {}

  private suffixes(code: string): readonly string[] | undefined {
    if (!this.groups) {
      this.groups = new Map();
      for (const g of this.packed.split('|')) this.groups.set(g.slice(0, 3), g.slice(4).toUpperCase().split(' '));
    }
    return this.groups.get(code.slice(0, 3));
  }

  /** The code itself is in the list. */
  has(code: string): boolean {
    const s = this.suffixes(code);
    return s !== undefined && s.includes(code.length === 3 ? '.' : code.slice(3));
  }

  /** The code is in the list or is the 3- or 4-character group above a code in it. */
  hasOrAbove(code: string): boolean {
    const s = this.suffixes(code);
    if (s === undefined) return false;
    if (code.length === 3) return true;
    const rest = code.slice(3);
    return s.includes(rest) || (rest.length === 1 && s.some((x) => x.startsWith(rest)));
  }
}

const SYMPTOM = new PackedList(ICPC2_SYMPTOM);
const DIAGNOSIS = new PackedList(ICPC2_DIAGNOSIS);
const PROCESS = new PackedList(ICPC2_PROCESS);
const ICD = new PackedList(ICD10);

/** `" j06.9 "` -> `J069`: spaces and dots dropped, upper case (the lists are matched that way). */
export function normalizeDiagnosis(code: string): string {
  return code.replace(/[\s.]+/g, '').toUpperCase();
}

/** Process codes are sometimes written without the chapter letter (`-30` ... `-69`). */
const BARE_PROCESS = /^-[3-6]\d$/;

/** The ICPC-2 component of a (normalised) code, or null when it is not in the Norwegian ICPC-2 list. */
export function icpc2Kind(code: string): IcpcKind | null {
  if (BARE_PROCESS.test(code)) return 'process';
  if (code.length < 3) return null;
  if (DIAGNOSIS.has(code)) return 'diagnosis';
  if (SYMPTOM.has(code)) return 'symptom';
  return PROCESS.has(code) ? 'process' : null;
}

/**
 * Whether a (normalised) code is in the Norwegian ICD-10 list: a reportable code, or the 3- or
 * 4-character category above one (J06 for J069), which a bill may carry as the less specific code.
 */
export function isIcd10(code: string): boolean {
  return code.length >= 3 && ICD.hasOrAbove(code);
}

/**
 * Whether a (normalised) code falls under one of a takst's indication patterns: a prefix (`F`, `P76`)
 * or an inclusive range of 3-character codes (`P70-P99`, which also holds P991-style extensions).
 */
export function matchesIndication(code: string, patterns: readonly string[]): boolean {
  const head = code.slice(0, 3);
  return patterns.some((p) => {
    const dash = p.indexOf('-');
    return dash < 0 ? code.startsWith(p) : head >= p.slice(0, dash) && head <= p.slice(dash + 1);
  });
}
