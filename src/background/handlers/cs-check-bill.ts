// cs:check-bill: page snapshot + settings -> bill -> rule core (with the clinic's rule severities and
// muted rules) -> findings minus those ignored once -> per-tab state, badge, reply.
import { describeZodError, LOCAL_DATE_TIME } from '../../core/bill';
import { validateBill } from '../../core/validate';
import type { Handler } from '../../messages';
import { billFromSnapshot } from '../bill-from-snapshot';
import { osloClock } from '../../core/oslo-clock';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { dropIgnored } from '../tab-state';
import { storeRegionFindings } from '../region-findings';
import { availableTariffs, chooseTariffs } from '../tariffs';
import { contentSender } from '../content-sender';
import { withSiteProfile } from '../site-profile';

export function csCheckBill(ctx: BackgroundContext): Handler<'cs:check-bill'> {
  return async (snapshot, sender) => {
    const { tabId, frameId } = contentSender(sender);
    const { settings } = await currentSettings(ctx.api);
    // No codes (an emptied form, or a region that left the page) is nothing to check: the core would
    // still ask for a diagnosis, which helps no one and would count on the badge. Skip the validation.
    if (snapshot.lines.length === 0) {
      const { full } = await storeRegionFindings(ctx, tabId, frameId, snapshot.regionId, () => []);
      return { report: { tariff: null, findings: [], amounts: { honorar: 0, refusjon: 0, egenandel: 0, unknown: [] } }, locale: settings.locale, full };
    }
    const tariffs = chooseTariffs(await availableTariffs(ctx.api.storage.local), settings.tariff.active);
    const clock = osloClock(ctx.now());
    // The EPJ site's own profile (legevakt system vs fastlege system), else the clinic's.
    const bill = billFromSnapshot(snapshot, withSiteProfile(settings, sender.url), clock);
    // Every field but `at` comes from the zod-parsed snapshot or settings; re-parsing the whole bill
    // (2,000 lines on a long screen) on every edit would only re-check them. The page's date can be
    // well-formed yet unreal (2024-02-30): the bill schema's own check names that field.
    const at = LOCAL_DATE_TIME.safeParse(bill.at);
    if (!at.success) throw new Error(describeZodError({ issues: at.error.issues.map((i) => ({ ...i, path: ['at'] })) }));
    const report = validateBill(bill, {
      tariffs,
      locale: settings.locale,
      severity: settings.rules.severity,
      muted: settings.rules.muted,
      now: `${clock.date}T${clock.time}`,
    });
    const { findings, full } = await storeRegionFindings(ctx, tabId, frameId, snapshot.regionId, (ignored) => dropIgnored(report.findings, ignored));
    // Only the version's kind and years cross to the page (from the report's own tariff fields): the badge
    // says "kontrollert mot 2023-24" when it is not official.
    const used = report.tariff;
    const day = bill.at.slice(0, 10);
    const covers = used !== null && used.validFrom <= day && day <= used.validTo;
    const version = used ? { official: covers && used.official, years: used.year } : undefined;
    return { report: { ...report, findings }, locale: settings.locale, full, ...(version ? { version } : {}) };
  };
}
