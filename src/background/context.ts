// What every handler gets: the browser APIs and a clock (both replaceable in tests).
import type { BackgroundApi } from './api';

export interface BackgroundContext {
  api: BackgroundApi;
  now: () => Date;
}
