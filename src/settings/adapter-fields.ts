// The selectors of a custom adapter, named once: the settings schema (CustomAdapterSchema, checked
// against this list at compile time), the settings page's form, the content script's reader and the
// managed schema all take the list from here. A plain list with no imports, so the content script can
// share it without bundling zod or the settings schema.

/** In form order. */
export const CUSTOM_ADAPTER_FIELDS = ['region', 'code', 'line', 'count', 'date', 'time', 'diagnosis', 'age'] as const;
export type CustomAdapterField = (typeof CUSTOM_ADAPTER_FIELDS)[number];

/** Without these two an adapter reads nothing. */
export const REQUIRED_ADAPTER_FIELDS = ['region', 'code'] as const satisfies readonly CustomAdapterField[];

export function isRequiredAdapterField(f: CustomAdapterField): boolean {
  return (REQUIRED_ADAPTER_FIELDS as readonly string[]).includes(f);
}
