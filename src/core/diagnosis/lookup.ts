// Which code list a diagnosis code is in: Norwegian ICPC-2 (with its component) or Norwegian ICD-10.
// The packed lists (codes.generated.ts) are expanded into sets on first use, so a bill without
// diagnoses costs nothing and the service worker starts as before.
import { ICD10, ICPC2_DIAGNOSIS, ICPC2_PROCESS, ICPC2_SYMPTOM } from './codes.generated';

/** ICPC-2 component: symptom (01-29), process (30-69) or diagnosis/disease (70-99). */
export type IcpcKind = 'symptom' | 'process' | 'diagnosis';

function unpack(packed: string, each: (code: string) => void): void {
  for (const group of packed.split('|')) {
    const [head, ...suffixes] = group.split(' ');
    for (const s of suffixes) each(s === '.' ? (head as string) : `${head}${s}`.toUpperCase());
  }
}

let icpc: Map<string, IcpcKind> | null = null;
let icd: { codes: Set<string>; prefixes: Set<string> } | null = null;

function icpcMap(): Map<string, IcpcKind> {
  if (icpc) return icpc;
  const m = new Map<string, IcpcKind>();
  unpack(ICPC2_SYMPTOM, (c) => m.set(c, 'symptom'));
  unpack(ICPC2_DIAGNOSIS, (c) => m.set(c, 'diagnosis'));
  unpack(ICPC2_PROCESS, (c) => m.set(c, 'process'));
  return (icpc = m);
}

function icdSets(): { codes: Set<string>; prefixes: Set<string> } {
  if (icd) return icd;
  const codes = new Set<string>();
  const prefixes = new Set<string>();
  unpack(ICD10, (c) => {
    codes.add(c);
    prefixes.add(c.slice(0, 3));
    if (c.length > 4) prefixes.add(c.slice(0, 4));
  });
  return (icd = { codes, prefixes });
}

/** `" j06.9 "` -> `J069`: spaces and dots dropped, upper case (the lists are stored that way). */
export function normalizeDiagnosis(code: string): string {
  return code.replace(/[\s.]+/g, '').toUpperCase();
}

/** Process codes are sometimes written without the chapter letter (`-30` ... `-69`). */
const BARE_PROCESS = /^-[3-6]\d$/;

/** The ICPC-2 component of a (normalised) code, or null when it is not in the Norwegian ICPC-2 list. */
export function icpc2Kind(code: string): IcpcKind | null {
  if (BARE_PROCESS.test(code)) return 'process';
  return icpcMap().get(code) ?? null;
}

/**
 * Whether a (normalised) code is in the Norwegian ICD-10 list: a reportable code, or the 3- or
 * 4-character category above one (J06 for J069), which a bill may carry as the less specific code.
 */
export function isIcd10(code: string): boolean {
  const s = icdSets();
  return s.codes.has(code) || ((code.length === 3 || code.length === 4) && s.prefixes.has(code));
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
