// UI text arrives localised from the background (`cs:get-config`, keys `overlay_*`), so the catalog
// is not bundled here. `{name}` placeholders are filled by the core's one filler (a leaf module).
import { fillPlaceholders } from '../../src/core/placeholders';

export type Strings = Readonly<Record<string, string>>;

export function tr(strings: Strings, key: string, params?: Record<string, string | number>): string {
  const text = strings[`overlay_${key}`] ?? key;
  return fillPlaceholders(text, params);
}
