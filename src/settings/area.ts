// The slice of a browser storage area that settings code needs. Real `chrome.storage.*` areas fit it,
// and so does the in-memory fake the unit tests use.
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** `storage.managed` is read-only; reading it throws where no policy store exists (e.g. Firefox without policies). */
export interface ReadonlyAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
}
