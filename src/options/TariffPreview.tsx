// A takstkoder file or fetched answer before it is used: how much of the version in use it covers
// ("4 av 187 takster"), merge or replace for the takster it lacks, and what changed (new, removed,
// changed amounts and lists). Nothing is stored until "Ta i bruk".
import type { Response } from '../messages';
import { formatAmount } from '../core/i18n';
import { useLocale, useT } from '../ui/i18n';

type Preview = NonNullable<Response<'ui:tariff-preview'>['preview']>;
type Mode = 'merge' | 'replace';
type Value = Preview['changed'][number]['fields'][number]['before'];

const AMOUNT_FIELDS = new Set(['hon', 'ref', 'egen']);
const LIST_SHOWN = 60;

function CodeList({ codes }: { codes: readonly string[] }) {
  const tr = useT();
  const shown = codes.slice(0, LIST_SHOWN).join(', ');
  return (
    <p class="codes">
      {shown}
      {codes.length > LIST_SHOWN && ` ${tr('options_tariff_diff_more', { count: codes.length - LIST_SHOWN })}`}
    </p>
  );
}

export function TariffPreview(props: { preview: Preview; mode: Mode; busy: boolean; onMode(m: Mode): void; onUse(): void; onCancel(): void }) {
  const tr = useT();
  const locale = useLocale();
  const { preview: p, mode } = props;
  const against = p.against?.label ?? '';
  const missing = p.coverage?.missing.length ?? 0;
  const value = (field: string, v: Value): string => (v === null ? tr('common_unknown') : AMOUNT_FIELDS.has(field) && typeof v === 'number' ? formatAmount(v, locale) : String(v));
  const nothing = p.added.length + p.removed.length + p.changedCount === 0;
  return (
    <section class="preview" aria-labelledby="tariff-preview-h">
      <h3 id="tariff-preview-h">{tr('options_tariff_preview_title', { label: p.version.label })}</h3>
      <p data-testid="tariff-coverage">
        {p.coverage && p.against
          ? tr('options_tariff_coverage', { covered: p.coverage.covered, total: p.coverage.againstCount, against: against, count: p.coverage.fileCount })
          : tr('options_tariff_coverage_none', { count: p.version.takstCount })}
      </p>
      {p.against && missing > 0 && (
        <fieldset>
          <legend>{tr('options_tariff_mode')}</legend>
          <label class="check">
            <input type="radio" name="tariff-mode" checked={mode === 'merge'} disabled={props.busy} onChange={() => props.onMode('merge')} />
            {tr('options_tariff_mode_merge', { count: missing, against })}
          </label>
          <label class="check">
            <input type="radio" name="tariff-mode" checked={mode === 'replace'} disabled={props.busy} onChange={() => props.onMode('replace')} />
            {tr('options_tariff_mode_replace', { count: missing })}
          </label>
        </fieldset>
      )}
      {p.against && (
        <div data-testid="tariff-diff">
          <h4>{tr('options_tariff_diff_title', { against })}</h4>
          {nothing && <p>{tr('options_tariff_diff_none')}</p>}
          {p.added.length > 0 && (
            <>
              <h5>{tr('options_tariff_diff_added', { count: p.added.length })}</h5>
              <CodeList codes={p.added} />
            </>
          )}
          {p.removed.length > 0 && (
            <>
              <h5>{tr('options_tariff_diff_removed', { count: p.removed.length })}</h5>
              <CodeList codes={p.removed} />
            </>
          )}
          {p.changedCount > 0 && (
            <>
              <h5>{tr('options_tariff_diff_changed', { count: p.changedCount })}</h5>
              <ul class="changes">
                {p.changed.slice(0, LIST_SHOWN).map((c) => (
                  <li key={c.code}>
                    <strong>{c.code}</strong>:{' '}
                    {c.fields.map((f, i) => (
                      <span key={f.field}>
                        {i > 0 && '; '}
                        {tr(`options_tariff_field_${f.field}`)} {value(f.field, f.before)} → {value(f.field, f.after)}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
              {p.changedCount > LIST_SHOWN && <p>{tr('options_tariff_diff_more', { count: p.changedCount - LIST_SHOWN })}</p>}
            </>
          )}
        </div>
      )}
      <div class="actions">
        <button type="button" disabled={props.busy} onClick={props.onUse}>
          {tr('options_tariff_use')}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          {tr('options_tariff_cancel')}
        </button>
      </div>
    </section>
  );
}
