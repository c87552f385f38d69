// UI text arrives localised from the background (`cs:get-config`, keys `overlay_*`), so the catalog
// is not bundled here. `{name}` placeholders are filled like src/core/i18n.ts does.

export type Strings = Readonly<Record<string, string>>;

export function tr(strings: Strings, key: string, params?: Record<string, string | number>): string {
  const text = strings[`overlay_${key}`] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}
