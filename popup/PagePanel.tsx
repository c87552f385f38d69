// "Denne siden": what Takstvakt found on the current tab, per billing region. A region whose codes
// could not be read says "ikke kontrollert" and why, so silence is never mistaken for a clean bill.
import { useEffect, useState } from 'preact/hooks';
import type { Response } from '../src/messages';
import { useClient } from '../src/ui/client';
import { useT } from '../src/ui/i18n';

type PageState = Response<'ui:page-state'>;
type Region = PageState['regions'][number];

const ICON: Record<string, string> = { error: '⛔', warning: '⚠️', info: 'ℹ️' };

function RegionView({ region, n }: { region: Region; n: number }) {
  const tr = useT();
  const title = tr('popup_page_region', { n });
  if (region.state === 'unreadable') {
    return (
      <section class="region unreadable" aria-label={title}>
        <h3>{title}</h3>
        <p>
          <strong>{tr('popup_page_not_checked')}</strong> {region.reason ?? tr('popup_page_no_reason')}
        </p>
      </section>
    );
  }
  return (
    <section class="region" aria-label={title}>
      <h3>{title}</h3>
      <p>{tr('popup_page_checked', { lines: region.lineCount, findings: region.findings.length })}</p>
      {region.partial && (
        <p class="partial" data-partial={`${region.partial.read}/${region.partial.total}`}>
          <strong>{tr('popup_page_partial', { read: region.partial.read, total: region.partial.total })}</strong>
        </p>
      )}
      {region.findings.length === 0 ? (
        <p class="ok">{tr('popup_page_no_findings')}</p>
      ) : (
        <ul class="findings">
          {region.findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} class={`finding ${f.severity}`} data-rule={f.rule}>
              <span aria-hidden="true">{ICON[f.severity]}</span> <strong>{tr(`common_severity_${f.severity}`)}</strong>{' '}
              <span class="codes">{f.codes.join(', ')}</span>: {f.message}
              {f.fix && <p class="fix">{f.fix}</p>}
              {f.source.merknad && <p class="source">{tr('popup_page_source', { merknad: f.source.merknad })}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PagePanel({ tabId, origin }: { tabId?: number | undefined; origin?: string | undefined }) {
  const tr = useT();
  const client = useClient();
  const [state, setState] = useState<PageState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void client.call('ui:page-state', tabId === undefined ? {} : { tabId }).then((r) => {
      if (!live) return;
      if (r.ok) setState(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, tabId]);

  if (error) {
    return (
      <p role="alert" class="error">
        {tr('popup_error_load', { error })}
      </p>
    );
  }
  if (!state) return <p aria-busy="true">{tr('common_loading')}</p>;
  return (
    <div class="page">
      <h2>{origin ? tr('popup_page_title_origin', { origin }) : tr('popup_page_title')}</h2>
      {state.regions.length === 0 ? (
        <p>{tr('popup_page_none')}</p>
      ) : (
        state.regions.map((r, i) => <RegionView key={r.regionId} region={r} n={i + 1} />)
      )}
    </div>
  );
}
