// ui:tariff-import: an official takstkoder JSON file or fetched answer (Helsedirektoratet open data)
// becomes a stored tariff version, merged with or replacing the version in use for its dates. All or
// nothing: every bad row is reported with its code and field, and a bad file stores nothing.
// Importing never changes which version a date uses: that follows the versions' validity.
import type { Handler, Response } from '../../messages';
import { storeCompiledTariff } from '../../settings/tariffs';
import type { BackgroundContext } from '../context';
import { invalidateTariffs } from '../tariffs';
import { tariffSummary } from '../tariff-summary';
import { fileError, prepareFromText, replyErrors } from './ui-tariff-preview';

type Reply = Response<'ui:tariff-import'>;

export function uiTariffImport(ctx: BackgroundContext): Handler<'ui:tariff-import'> {
  return async ({ text, mode, asOf }): Promise<Reply> => {
    const r = await prepareFromText(ctx, text, mode ?? 'merge', asOf);
    if (!r.ok) return { imported: null, errors: 'fileErrors' in r ? r.fileErrors : replyErrors(r.errors) };
    // The importer checked the schema and compiled the version: store it as it is.
    const stored = await storeCompiledTariff(ctx.api.storage.local, r.tariff);
    if (!stored.ok) return { imported: null, errors: fileError('(file)', stored.error) };
    invalidateTariffs();
    return { imported: tariffSummary(r.tariff), errors: [] };
  };
}
