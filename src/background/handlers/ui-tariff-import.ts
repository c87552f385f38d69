// ui:tariff-import: an official takstkoder JSON file (Helsedirektoratet open data) becomes a stored
// tariff version. All or nothing: every bad row is reported with its code and field, and a bad file
// stores nothing.
import { BUNDLED_TARIFFS } from '../../data/index';
import { importTakstkoder } from '../../data/import/takstkoder';
import type { Handler, Response } from '../../messages';
import { storeCompiledTariff } from '../../settings/tariffs';
import type { BackgroundContext } from '../context';
import { invalidateTariffs } from '../tariffs';
import { tariffSummary } from './ui-tariff-summary';

type Reply = Response<'ui:tariff-import'>;
const MAX_ERRORS = 200;

const fileError = (field: string, message: string): Reply => ({ imported: null, errors: [{ row: null, code: null, field, message }] });

export function uiTariffImport(ctx: BackgroundContext): Handler<'ui:tariff-import'> {
  return async ({ text }) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return fileError('(file)', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    // The newest bundled version lends the rule data the official file lacks (allow lists, ages ...).
    const base = BUNDLED_TARIFFS[BUNDLED_TARIFFS.length - 1];
    const result = importTakstkoder(json, base ? { base } : {});
    if (!result.ok) {
      return { imported: null, errors: result.errors.slice(0, MAX_ERRORS).map((e) => ({ row: e.row > 0 ? e.row : null, code: e.code, field: e.field, message: e.message })) };
    }
    // The importer checked the schema and compiled the version: store it as it is.
    const stored = await storeCompiledTariff(ctx.api.storage.local, result.tariff);
    if (!stored.ok) return fileError('(file)', stored.error);
    invalidateTariffs();
    return { imported: tariffSummary(result.tariff), errors: [] };
  };
}
