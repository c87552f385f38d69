// `{name}` placeholders of the catalog's texts (_locales), filled in one place: t() in ./i18n.ts, the
// validator's cached templates (./validate.ts) and the overlay's tr() (content-scripts/overlay/strings.ts,
// which may import this leaf: no imports, no catalog). An unknown name stays as written.

const PLACEHOLDER = /\{(\w+)\}/g;

export function fillPlaceholders(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A text split once into literal and placeholder parts: even indexes are literals, odd ones names. */
export function splitPlaceholders(text: string): string[] {
  return text.split(/\{(\w+)\}/);
}
