// Text from a bill or the command line reaches a terminal: control characters (ESC sequences, CR,
// line breaks inside a value) and bidi overrides could rewrite what the reader sees, so they are shown
// as \uXXXX escapes, never printed raw.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** One line, with every control or bidi character escaped (`\u001b`). */
export function safeLine(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Several lines: each line made safe; the line breaks between them are kept. */
export function safeLines(text: string): string {
  return text.split('\n').map(safeLine).join('\n');
}
