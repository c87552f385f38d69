// What every handler gets: the browser APIs and a clock (both replaceable in tests).
import type { FetchLike } from '../data/import/fetch';
import type { BackgroundApi } from './api';

export interface BackgroundContext {
  api: BackgroundApi;
  now: () => Date;
  /** The network for the tariff fetch; the global fetch when absent. */
  fetch?: FetchLike;
}
