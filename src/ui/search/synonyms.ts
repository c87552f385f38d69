// Bokmål and nynorsk spell many tariff words differently; both forms must find the same takst.
// Each pair maps the nynorsk (or variant) stem to one canonical stem; stems apply at the start of a
// word, so compounds follow (sjukebesok -> sykebesok, heimebesok -> hjemmebesok). Folded spelling.

const STEMS: ReadonlyArray<readonly [string, string]> = [
  ['sjuk', 'syk'],
  ['heime', 'hjemme'],
  ['heim', 'hjem'],
  ['ikkje', 'ikke'],
  ['tilstade', 'tilstede'],
  ['fyrst', 'forst'],
  ['kvardag', 'hverdag'],
  ['fram', 'frem'],
  ['utrykking', 'utrykning'],
  ['tilvising', 'henvisning'],
  ['undersoking', 'undersokelse'],
  ['heilagdag', 'helligdag'],
  ['tenest', 'tjenest'],
  ['eigen', 'egen'],
  ['eigd', 'egd'],
  ['heil', 'hel'],
  ['auge', 'oye'],
  ['born', 'barn'],
];

/** Canonical form of one folded word. */
export function canonical(word: string): string {
  for (const [from, to] of STEMS) {
    if (word.startsWith(from)) return to + word.slice(from.length);
  }
  return word;
}
