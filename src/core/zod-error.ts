// zod issues as one line a person reads: `field.path: message; ...` (at most three). No imports, so the
// protocol module can share it without pulling the bill schema into the content script.
export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** `['lines', 3, 'count']` -> `lines.3.count` (dots: settings paths), or `lines[3].count` (brackets: a bill). */
export function fieldPath(path: ReadonlyArray<PropertyKey>, style: 'dots' | 'brackets' = 'dots'): string {
  if (style === 'dots') return path.map(String).join('.');
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

export function describeZodError(error: { issues: ReadonlyArray<IssueLike> }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? fieldPath(i.path) : '(root)'}: ${i.message}`)
    .join('; ');
}

/** `fastlege, legevakt or spesialist`: a literal list in an error message, so the list is written once. */
export function oneOf(values: readonly string[], or = 'or'): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} ${or} ${values[values.length - 1]}`;
}
