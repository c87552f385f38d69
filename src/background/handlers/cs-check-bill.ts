// cs:check-bill: page snapshot + settings -> bill -> rule core (with the clinic's rule severities and
// muted rules) -> findings minus those ignored once -> per-tab state, badge, reply.
import { describeZodError, LOCAL_DATE_TIME } from '../../core/bill';
import { validateBill } from '../../core/validate';
import type { Handler } from '../../messages';
import { updateBadge } from '../badge';
import { billFromSnapshot } from '../bill-from-snapshot';
import { osloClock } from '../../core/oslo-clock';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { dropIgnored, readIgnored, readRegion, withTabLock, writeRegion } from '../tab-state';
import { availableTariffs, chooseTariffs } from '../tariffs';
import { contentSender } from './sender';

export function csCheckBill(ctx: BackgroundContext): Handler<'cs:check-bill'> {
  return async (snapshot, sender) => {
    const { tabId, frameId } = contentSender(sender);
    const { settings } = await currentSettings(ctx.api);
    const tariffs = chooseTariffs(await availableTariffs(ctx.api.storage.local), settings.tariff.active);
    const now = ctx.now();
    const bill = billFromSnapshot(snapshot, settings, now);
    // Every field but `at` comes from the zod-parsed snapshot or settings; re-parsing the whole bill
    // (2,000 lines on a long screen) on every edit would only re-check them. The page's date can be
    // well-formed yet unreal (2024-02-30): the bill schema's own check names that field.
    const at = LOCAL_DATE_TIME.safeParse(bill.at);
    if (!at.success) throw new Error(describeZodError({ issues: at.error.issues.map((i) => ({ ...i, path: ['at'] })) }));
    const clock = osloClock(now);
    const report = validateBill(bill, {
      tariffs,
      locale: settings.locale,
      severity: settings.rules.severity,
      muted: settings.rules.muted,
      now: `${clock.date}T${clock.time}`,
    });
    const session = ctx.api.storage.session;
    return withTabLock(tabId, async () => {
      const ignored = await readIgnored(session, tabId, frameId, snapshot.regionId);
      // No codes (an emptied form, or a region that left the page) is nothing to check: the core would
      // still ask for a diagnosis, which helps no one and would count on the badge.
      const findings = snapshot.lines.length === 0 ? [] : dropIgnored(report.findings, ignored);
      const previous = await readRegion(session, tabId, frameId, snapshot.regionId);
      await writeRegion(session, tabId, frameId, snapshot.regionId, { findings, adapter: previous.adapter });
      await updateBadge(ctx.api, tabId);
      return { report: { ...report, findings }, locale: settings.locale };
    });
  };
}
