// The opt-in weekly tariff check (chrome.alarms): fetches today's official takstkoder and compares it
// with the version in use today. It only leaves a notice for the settings page and popup; it never
// stores or swaps a tariff. Without the API origin's permission (granted on the settings page's
// click) the fetch fails and the notice says so.
import { osloClock } from '../core/oslo-clock';
import { isOfficialVersion } from '../core/tariff/official';
import { fetchTakstkoder } from '../data/import/fetch';
import { prepareImport } from '../data/import/prepare';
import type { Response } from '../messages';
import type { Settings } from '../settings/schema';
import type { BackgroundApi } from './api';
import type { BackgroundContext } from './context';
import { tariffEndpoints } from './handlers/ui-tariff-fetch';
import { availableTariffs } from './tariffs';

export const TARIFF_ALARM = 'tariff-weekly-check';
export const TARIFF_NOTICE_KEY = 'tariff:notice';
const WEEK_MINUTES = 7 * 24 * 60;

type Notice = NonNullable<Response<'ui:tariffs'>['notice']>;

export async function readNotice(ctx: BackgroundContext): Promise<Notice | null> {
  const got = await ctx.api.storage.local.get(TARIFF_NOTICE_KEY);
  const n = got[TARIFF_NOTICE_KEY] as Notice | undefined;
  return n && typeof n === 'object' && typeof n.kind === 'string' ? n : null;
}

export async function runTariffCheck(ctx: BackgroundContext): Promise<Notice> {
  const checkedAt = ctx.now().toISOString();
  const today = osloClock(ctx.now()).date;
  const got = await fetchTakstkoder(await tariffEndpoints(ctx), today, { fetch: ctx.fetch ?? ((u, i) => fetch(u, i)) });
  let notice: Notice;
  if (!got.ok) {
    notice = { checkedAt, kind: 'failed', detail: got.error.slice(0, 500) };
  } else {
    const r = prepareImport(got.json, { mode: 'replace', loaded: await availableTariffs(ctx.api.storage.local), asOf: today });
    if (!r.ok) notice = { checkedAt, kind: 'failed', detail: `${r.errors.length} bad row(s)`.slice(0, 500) };
    else {
      const d = r.diff;
      const same = r.against !== null && isOfficialVersion(r.against.version) && d !== null && d.added.length + d.removed.length + d.changed.length === 0;
      notice = same
        ? { checkedAt, kind: 'current', detail: r.against?.ref.id ?? '' }
        : { checkedAt, kind: 'newer', detail: `${r.version.id}: +${d?.added.length ?? r.version.takster.length} −${d?.removed.length ?? 0} ~${d?.changed.length ?? 0}` };
    }
  }
  await ctx.api.storage.local.set({ [TARIFF_NOTICE_KEY]: notice });
  return notice;
}

/** Keeps the alarm in step with the setting: one weekly alarm when on, none when off. */
export async function syncTariffAlarm(api: BackgroundApi, settings: Settings): Promise<void> {
  const alarms = api.alarms;
  if (!alarms) return;
  const existing = await alarms.get(TARIFF_ALARM);
  if (settings.tariff.weeklyCheck && !existing) await alarms.create(TARIFF_ALARM, { delayInMinutes: 1, periodInMinutes: WEEK_MINUTES });
  if (!settings.tariff.weeklyCheck && existing) await alarms.clear(TARIFF_ALARM);
}
