// ui:tariff-remove: drop an imported tariff version (bundled versions cannot be removed).
import type { Handler } from '../../messages';
import { removeImportedTariff } from '../../settings/tariffs';
import type { BackgroundContext } from '../context';
import { invalidateTariffs } from '../tariffs';

export function uiTariffRemove(ctx: BackgroundContext): Handler<'ui:tariff-remove'> {
  return async ({ id }) => {
    await removeImportedTariff(ctx.api.storage.local, id);
    invalidateTariffs();
    return { ok: true as const };
  };
}
