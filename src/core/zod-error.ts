// zod issues as one line a person reads: `field.path: message; ...` (at most three). No imports, so the
// protocol module can share it without pulling the bill schema into the content script.
export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export function describeZodError(error: { issues: ReadonlyArray<IssueLike> }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
