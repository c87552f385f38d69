// ui:tariff-fetch: the settings page's "Hent gjeldende takster". The page asked for the API origin's
// host permission on the click; the worker fetches (never a content script, never a patient page) and
// hands the answer back for preview. Nothing is stored here.
import { fetchTakstkoder, TAKSTKODER_ENDPOINTS } from '../../data/import/fetch';
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';

/** The clinic's endpoint, or the documented ones in order. */
export async function tariffEndpoints(ctx: BackgroundContext): Promise<readonly string[]> {
  const { settings } = await currentSettings(ctx.api);
  return settings.tariff.endpoint ? [settings.tariff.endpoint] : TAKSTKODER_ENDPOINTS;
}

export function uiTariffFetch(ctx: BackgroundContext): Handler<'ui:tariff-fetch'> {
  return async ({ date }) => {
    const got = await fetchTakstkoder(await tariffEndpoints(ctx), date, { fetch: ctx.fetch ?? ((u, i) => fetch(u, i)) });
    return got.ok ? { text: got.text, url: got.url } : { text: null, url: null, error: got.error };
  };
}
