// Screens a field's text before anything in it is parsed: values shaped like national ids, dates,
// times or phone numbers are never codes. A national id drops the whole field (no part of it may be
// read, sent, stored or shown); the other shapes are cut out and the rest is read.

export type SkipReason = 'national-id' | 'date' | 'time' | 'phone';

export interface Screened {
  /** The text left to parse ('' when the whole field is dropped). */
  text: string;
  /** Why something was left out, for "Test på åpen fane"; empty when nothing was. */
  skipped: SkipReason[];
}

// 11 digits as DDMMYY + 5 (fødselsnummer; D-numbers add 4 to the first digit, H- and test numbers
// add 40 or 80 to the month), alone or split by spaces, dots or hyphens ("010170 12345",
// "01.01.70-123 45"). The day/month check keeps a row of codes like "100 101 102 105" out.
const NATIONAL_ID = /(?<![\p{N}])([0-7]\d)[ .-]?([0-9]\d)[ .-]?(\d{2})[ .-]?(\d{3})[ .-]?(\d{2})(?![\p{N}])/u;
const DATE = /(?<![\p{N}])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.\d{1,2}\.(?!\d))(?![\p{N}])/gu;
const TIME = /(?<![\p{N}])(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?(?![\p{N}])/giu;
// Norwegian phone numbers: 8 digits as 3-2-3 or 2-2-2-2, optionally +47 / 0047 in front.
const PHONE = /(?:(?:\+|00)47[ .-]?)?(?<![\p{N}])(?:\d{3}[ .]\d{2}[ .]\d{3}|\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2}|\d{8})(?![\p{N}])/gu;

function nationalIdIn(text: string): boolean {
  const m = NATIONAL_ID.exec(text);
  if (!m) return false;
  const day = Number(m[1]) % 40;
  const month = Number(m[2]) % 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** True when `text` holds a national id anywhere (used for context fields too). */
export function holdsNationalId(text: string): boolean {
  // Cheap first test: 11 digits must be there at all.
  return (text.match(/\d/g)?.length ?? 0) >= 11 && nationalIdIn(text);
}

export function screenValue(text: string): Screened {
  if (!/\d/.test(text)) return { text, skipped: [] };
  if (holdsNationalId(text)) return { text: '', skipped: ['national-id'] };
  const skipped: SkipReason[] = [];
  let out = text;
  const cut = (re: RegExp, reason: SkipReason): void => {
    const next = out.replace(re, ' ');
    if (next !== out) {
      skipped.push(reason);
      out = next;
    }
  };
  cut(DATE, 'date');
  cut(TIME, 'time');
  cut(PHONE, 'phone');
  return { text: out, skipped };
}
