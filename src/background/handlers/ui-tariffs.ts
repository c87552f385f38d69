// ui:tariffs: the loaded tariff versions (bundled and imported), the clinic's choice and today's version.
import { pickTariff } from '../../core/tariff/pick';
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { osloClock } from '../../core/oslo-clock';
import { currentSettings } from '../settings-cache';
import { availableTariffs } from '../tariffs';
import { tariffSummary } from '../tariff-summary';
import { isOfficialVersion } from '../../core/tariff/official';
import { readNotice } from '../tariff-check';
import { tariffEndpoints } from './ui-tariff-fetch';

export function uiTariffs(ctx: BackgroundContext): Handler<'ui:tariffs'> {
  return async () => {
    const all = await availableTariffs(ctx.api.storage.local);
    const { settings } = await currentSettings(ctx.api);
    const today = pickTariff(all, osloClock(ctx.now()).date);
    const versions = [...all].sort((a, b) => a.ref.validFrom.localeCompare(b.ref.validFrom) || a.ref.id.localeCompare(b.ref.id)).map(tariffSummary);
    const officialToday = today.covers && today.tariff !== null && isOfficialVersion(today.tariff.version);
    return { versions, active: settings.tariff.active, inForce: today.covers && today.tariff ? today.tariff.ref.id : null, officialToday, notice: await readNotice(ctx), endpoints: [...(await tariffEndpoints(ctx))] };
  };
}
