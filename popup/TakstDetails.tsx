// One takst in full: amounts (unknown says so, never 0), repetition, combination lists expanded into
// real codes (each a link), companions, conditions, merknader with the official text, tariff year and
// provenance, and what changed since the previous tariff year.
import { useEffect, useRef, useState, useLayoutEffect } from 'preact/hooks';
import type { Response } from '../src/messages';
import { useClient } from '../src/ui/client';
import { formatAmount, useLocale, useT } from '../src/ui/i18n';
import { CodeLinks } from './CodeLinks';
import { Changes } from './Changes';
import { displayDate, tariffName } from '../src/core/i18n';

type Takst = Response<'ui:takst'>;
type Version = Response<'ui:tariffs'>['versions'][number];

/** Esc goes back from anywhere in the popup, also while focus sits on the body between two views. */
export function useEscapeBack(onBack: () => void): void {
  // A layout effect: listening before the view is painted, so a quick second Esc is not lost.
  useLayoutEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onBack();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onBack]);
}

export function TakstDetails(props: { tariffId: string; code: string; versions: Version[]; onOpen: (code: string) => void; onBack: () => void }) {
  const tr = useT();
  const locale = useLocale();
  const client = useClient();
  const [data, setData] = useState<Takst | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    void client.call('ui:takst', { tariffId: props.tariffId, code: props.code, locale }).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, props.tariffId, props.code, locale]);

  useEffect(() => {
    if (data || error) heading.current?.focus();
  }, [data, error]);

  useEscapeBack(props.onBack);

  const d = data?.description;
  const unknown = tr('common_unknown');
  const amount = (v: number | null) => <span class={v === null ? 'unknown' : undefined}>{formatAmount(v, locale)}</span>;
  return (
    <article class="takst" aria-busy={!data && !error}>
      <button type="button" class="back" onClick={props.onBack}>
        {tr('popup_back')}
      </button>
      {error && (
        <>
          <h2 ref={heading} tabIndex={-1}>
            {props.code}
          </h2>
          <p role="alert" class="error">
            {tr('popup_error_load', { error })}
          </p>
        </>
      )}
      {data && !d && (
        <h2 ref={heading} tabIndex={-1}>
          {tr('popup_takst_not_found', { code: props.code })}
        </h2>
      )}
      {d && (
        <>
          <h2 ref={heading} tabIndex={-1}>
            <span class="code">{d.code}</span> {d.label}
          </h2>
          <dl class="facts">
            <dt>{tr('popup_takst_honorar')}</dt>
            <dd>{amount(d.hon)}</dd>
            <dt>{tr('popup_takst_refusjon')}</dt>
            <dd>{amount(d.ref)}</dd>
            <dt>{tr('popup_takst_egenandel')}</dt>
            <dd>{amount(d.egen)}</dd>
            <dt>{tr('popup_takst_repetition')}</dt>
            <dd>{d.repetition}</dd>
            <dt>{tr('popup_takst_chapter')}</dt>
            <dd>{d.chapter}</dd>
          </dl>

          <h3>{tr('popup_takst_combinations')}</h3>
          <CodeLinks title={tr('popup_takst_deny')} list={d.deny} onOpen={props.onOpen} />
          <CodeLinks title={tr('popup_takst_allow')} list={d.allow.any} onOpen={props.onOpen} />
          <CodeLinks title={tr('popup_takst_allow_fastlege')} list={d.allow.fastlege} onOpen={props.onOpen} />
          <CodeLinks title={tr('popup_takst_allow_legevakt')} list={d.allow.legevakt} onOpen={props.onOpen} />
          {d.deny.mode === 'none' && d.allow.any.mode === 'none' && d.allow.fastlege.mode === 'none' && d.allow.legevakt.mode === 'none' && (
            <p class="muted">{tr('popup_takst_no_combination_lists')}</p>
          )}
          {d.requiresAnyOf.length > 0 && (
            <CodeLinks title={tr('popup_takst_requires')} list={{ mode: 'only', codes: d.requiresAnyOf, text: null }} onOpen={props.onOpen} />
          )}

          <h3>{tr('popup_takst_conditions')}</h3>
          {d.conditions.length ? (
            <ul class="conditions">
              {d.conditions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">{tr('popup_takst_no_conditions')}</p>
          )}

          <h3>{tr('popup_takst_merknader')}</h3>
          {d.merknader.length ? (
            <ul class="merknader">
              {d.merknader.map((m) => (
                <li key={m.id}>
                  <strong>{tr('popup_takst_merknad', { id: m.id })}</strong>{' '}
                  {m.summary ?? <span class="unknown">{tr('popup_takst_merknad_no_summary')}</span>}{' '}
                  {m.url && (
                    <a href={m.url} target="_blank" rel="noopener noreferrer">
                      {tr('popup_takst_official_text', { id: m.id })}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{tr('popup_takst_no_merknader')}</p>
          )}
          {data.rulesSource && (
            <p class="rules-source">
              <strong>{tr('popup_takst_rules_source')}</strong> {data.rulesSource.note ? `${data.rulesSource.note} ` : ''}
              <span class="muted">({data.rulesSource.source})</span>{' '}
              {data.rulesSource.url && (
                <a href={data.rulesSource.url} target="_blank" rel="noopener noreferrer">
                  {tr('popup_takst_source_link')}
                </a>
              )}
            </p>
          )}

          <h3>{tr('popup_takst_source')}</h3>
          <p class="provenance">
            {tr('popup_takst_tariff', { id: tariffName(locale, d.tariff), from: displayDate(d.tariff.validFrom), to: displayDate(d.tariff.validTo) })}
            <br />
            {tr('popup_takst_provenance', { source: d.provenance.source, year: d.provenance.year ?? unknown })}{' '}
            <strong>{d.provenance.verified ? tr('common_verified') : tr('common_unverified')}</strong>
            {d.provenance.note ? ` – ${d.provenance.note}` : ''}
            {d.provenance.url && (
              <>
                {' '}
                <a href={d.provenance.url} target="_blank" rel="noopener noreferrer">
                  {tr('popup_takst_source_link')}
                </a>
              </>
            )}
          </p>
          {data.previous && <Changes previous={data.previous} />}
        </>
      )}
    </article>
  );
}
