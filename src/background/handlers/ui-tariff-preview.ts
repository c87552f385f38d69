// ui:tariff-preview: a takstkoder file or fetched answer imported without storing it, so the clinic
// sees before it is used how much it covers ("4 av 187 takster") and what changed against the version
// in use for its dates, and chooses merge or replace.
import type { ImportError } from '../../data/import/takstkoder';
import { prepareImport, type PrepareResult } from '../../data/import/prepare';
import type { ImportMode } from '../../data/import/merge';
import type { Handler, Response } from '../../messages';
import type { BackgroundContext } from '../context';
import { availableTariffs } from '../tariffs';
import { tariffSummary } from '../tariff-summary';

type ReplyError = Response<'ui:tariff-preview'>['errors'][number];
const MAX_ERRORS = 200;
const MAX_CHANGED = 300;

export const fileError = (field: string, message: string): ReplyError[] => [{ row: null, code: null, field, message }];

export function replyErrors(errors: readonly ImportError[]): ReplyError[] {
  return errors.slice(0, MAX_ERRORS).map((e) => ({ row: e.row > 0 ? e.row : null, code: e.code, field: e.field, message: e.message }));
}

/** Parses the text and prepares the import against the loaded versions; `errors` when the file is refused. */
export async function prepareFromText(ctx: BackgroundContext, text: string, mode: ImportMode, asOf: string | undefined): Promise<PrepareResult | { ok: false; fileErrors: ReplyError[] }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, fileErrors: fileError('(file)', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`) };
  }
  const loaded = await availableTariffs(ctx.api.storage.local);
  return prepareImport(json, { mode, loaded, ...(asOf ? { asOf } : {}) });
}

export function uiTariffPreview(ctx: BackgroundContext): Handler<'ui:tariff-preview'> {
  return async ({ text, mode, asOf }) => {
    const r = await prepareFromText(ctx, text, mode, asOf);
    if (!r.ok) return { preview: null, errors: 'fileErrors' in r ? r.fileErrors : replyErrors(r.errors) };
    return {
      preview: {
        version: tariffSummary(r.tariff),
        against: r.against ? tariffSummary(r.against) : null,
        coverage: r.coverage,
        added: r.diff?.added ?? r.version.takster.map((t) => t.code),
        removed: r.diff?.removed ?? [],
        changed: (r.diff?.changed ?? []).slice(0, MAX_CHANGED),
        changedCount: r.diff?.changed.length ?? 0,
        warnings: r.warnings.slice(0, 50),
      },
      errors: [],
    };
  };
}
