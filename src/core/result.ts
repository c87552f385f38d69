// The one result shape for work that can fail with a message: errors travel as data, never as a thrown
// exception (the protocol, the bill parser). Shapes that carry more (a list of errors by field, warnings)
// keep their own names; a new failing step should start from this one.
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };
