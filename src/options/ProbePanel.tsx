// "Test on the open tab": exactly what Takstvakt reads on the site's open tab: per billing region,
// where it is, the codes with their counts and fields, and the context.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Response } from '../messages';
import { useClient } from '../ui/client';
import { useT, type Translate } from '../ui/i18n';
import { displayDate } from '../core/i18n';

type Probe = Response<'ui:probe'>;
type Context = NonNullable<Probe['result']>['regions'][number]['context'];

/** What was read of the context, in words (issue 12 §8: dates as 13.03.2024, no JSON). */
function contextWords(tr: Translate, c: Context): string {
  const parts: string[] = [];
  if (c.date) parts.push(tr('options_probe_ctx_date', { value: displayDate(c.date) }));
  if (c.time) parts.push(tr('options_probe_ctx_time', { value: c.time }));
  if (c.diagnoses?.length) parts.push(tr('options_probe_ctx_diagnoses', { value: c.diagnoses.join(', ') }));
  if (c.age !== undefined) parts.push(tr('options_probe_ctx_age', { value: c.age }));
  if (c.durationMinutes !== undefined) parts.push(tr('options_probe_ctx_duration', { value: c.durationMinutes }));
  if (c.specialistGP !== undefined) parts.push(tr('options_probe_ctx_specialist', { value: tr(c.specialistGP ? 'common_yes' : 'common_no') }));
  return parts.join(' · ');
}

export function ProbePanel({ origin, onClose }: { origin: string; onClose: () => void }) {
  const tr = useT();
  const client = useClient();
  const [probe, setProbe] = useState<Probe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void client.call('ui:probe', { origin }).then((r) => {
      if (!live) return;
      if (r.ok) setProbe(r.value);
      else setError(r.error);
      heading.current?.focus();
    });
    return () => {
      live = false;
    };
  }, [client, origin]);

  const problem = error ?? (probe?.error === 'no-tab' ? tr('options_probe_no_tab', { origin }) : (probe?.error ?? null));
  return (
    <section class="probe" aria-labelledby="probe-h" aria-busy={!probe && !error}>
      <h3 id="probe-h" ref={heading} tabIndex={-1}>
        {tr('options_probe_title', { origin })}
      </h3>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      {probe?.result && (
        <>
          <p>{tr('options_probe_url', { url: probe.result.url })}</p>
          {probe.result.regions.length === 0 && <p>{tr('options_probe_no_regions')}</p>}
          {probe.result.regions.map((r, i) => (
            <div key={r.regionId} class="probe-region">
              <h4>
                {tr('options_probe_region', { n: i + 1 })} <code>{r.where}</code> ({tr(`options_adapter_${r.adapter}`)})
              </h4>
              {r.state === 'unreadable' && (
                <p>
                  <strong>{tr('popup_page_not_checked')}</strong> {r.reason ?? ''}
                </p>
              )}
              {r.lines.length > 0 && (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{tr('options_probe_code')}</th>
                      <th scope="col">{tr('options_probe_count')}</th>
                      <th scope="col">{tr('options_probe_where')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.lines.map((l, j) => (
                      <tr key={j}>
                        <td>
                          <code>{l.code}</code>
                        </td>
                        <td>{l.count}</td>
                        <td>
                          <code>{l.where}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {r.partial && <p>{tr('options_probe_partial', { read: r.partial.read, total: r.partial.total })}</p>}
              {r.skipped && r.skipped.length > 0 && (
                <>
                  <p>{tr('options_probe_skipped')}</p>
                  <ul class="probe-skipped">
                    {r.skipped.map((s, j) => (
                      <li key={j}>
                        <code>{s.where}</code>: {tr(`options_probe_skipped_${s.reason}`)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <p>
                {tr('options_probe_context')}{' '}
                <span class="probe-context">{Object.keys(r.context).length ? contextWords(tr, r.context) : tr('common_none')}</span>
              </p>
            </div>
          ))}
        </>
      )}
      <button type="button" onClick={onClose}>
        {tr('options_probe_close')}
      </button>
    </section>
  );
}
