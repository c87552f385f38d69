// The parsed form of the normaltariff's code-set notation ("1ak, b, f, g, 2, 11med unntak av 11e").
// Parsing is done once per tariff version; compile.ts expands these terms against the code universe.

/**
 * One term of a list.
 * - `number`: every code whose prefix + number is this (`2` = 2ad, 2cd ...; not 21 or 217c).
 * - `code`: a code with letters (`1ad`, `1b`, `217c`, `1ad2`). When the tariff has exactly this code it
 *   means that code; otherwise the letters are a prefix (`1b` = 1bd, 1be, 1bk).
 * - `range`: inclusive range in tariff order (`701a-712`, `701a t.o.m. 712`); a bare-number upper
 *   bound includes its lettered codes (712 includes 712a).
 */
export type CodeTerm =
  | { readonly kind: 'number'; readonly prefix: string; readonly num: number; readonly text: string }
  | {
      readonly kind: 'code';
      readonly prefix: string;
      readonly num: number;
      readonly letters: string;
      readonly suffix: string;
      readonly text: string;
    }
  | { readonly kind: 'range'; readonly from: string; readonly to: string; readonly text: string };

/** A term with its exceptions (`11 med unntak av 11e og 11f`). */
export interface CodeItem {
  readonly term: CodeTerm;
  readonly except: readonly CodeTerm[];
}

export type CodeSetExpr =
  /** The listed codes. `condition` keeps prose after the codes ("der det også blir gjort ordinær PCR-test"). */
  | { readonly kind: 'list'; readonly items: readonly CodeItem[]; readonly condition: string | null; readonly source: string }
  /** `alle` (no exceptions) or `Alle unntatt 701a t.o.m. 712` / `alle bortsett fra 3ad`. */
  | { readonly kind: 'allExcept'; readonly except: readonly CodeItem[]; readonly source: string }
  /** `Takstene K02a-K02g er gjensidig utelukkende`: each code in the group excludes the others. */
  | { readonly kind: 'exclusiveGroup'; readonly items: readonly CodeItem[]; readonly source: string };
