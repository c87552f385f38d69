// Folds Norwegian text to a spelling-neutral form, so `sykebesøk`, `sykebesok` and `sykebesoek`
// meet: lower case, æ/ae -> ae, ø/oe -> o, å/aa -> a, other diacritics dropped.

const LETTERS: Record<string, string> = { æ: 'ae', ä: 'ae', ø: 'o', ö: 'o', å: 'a' };

export function fold(text: string): string {
  const lower = text.toLowerCase().replace(/[æäøöå]/g, (c) => LETTERS[c] ?? c);
  // NFD splits é into e + combining accent; the accent range is then dropped.
  const plain = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // "aa" is the old spelling of å and "oe" a keyboard spelling of ø; both fold to the single vowel.
  return plain.replace(/aa/g, 'a').replace(/oe/g, 'o');
}

/** Folded words of a text: letters and digits only (codes like `2fk` stay one word). */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}
