// Search as you type (combobox + listbox). Arrows move, Enter opens a takst, Esc goes back one step
// (from a linked takst to the previous one, then to the list, then clears the query).
import { mark } from '../src/ui/mark';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Response } from '../src/messages';
import { useClient } from '../src/ui/client';
import { useLocale, useT } from '../src/ui/i18n';
import type { Locale } from '../src/core/types';
import { buildSearchIndex, hitKey, search, type SearchHit, type SearchIndex } from '../src/ui/search/index';
import { MerknadDetails } from './MerknadDetails';
import { TakstDetails } from './TakstDetails';

type Entry = Response<'ui:takst-index'>['entries'][number];
type Version = Response<'ui:tariffs'>['versions'][number];

const MAX_RESULTS = 30;
const MERKNAD = 'merknad:';

const clip = (text: string, max = 110) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const clipCodes = (codes: string[], max = 8) => (codes.length > max ? `${codes.slice(0, max).join(', ')} …` : codes.join(', '));

function entryLabel(e: Entry, locale: Locale): string {
  if (locale === 'nn' && e.labelNn) return e.labelNn;
  if (locale === 'en' && e.labelEn) return e.labelEn;
  return e.label;
}

function useSearchIndex(tariffId: string | null): { index: SearchIndex<Entry> | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ index: SearchIndex<Entry> | null; error: string | null }>({ index: null, error: null });
  useEffect(() => {
    if (!tariffId) return;
    let live = true;
    void client.call('ui:takst-index', { tariffId }).then((r) => {
      if (!live) return;
      mark('index-reply');
      // Built once per tariff; each keystroke only queries it.
      setState(r.ok ? { index: buildSearchIndex(r.value.entries, r.value.merknader ?? []), error: null } : { index: null, error: r.error });
      mark('index-ready');
    });
    return () => {
      live = false;
    };
  }, [client, tariffId]);
  return state;
}

export function SearchPanel({ tariffId, versions }: { tariffId: string | null; versions: Version[] }) {
  const tr = useT();
  const locale = useLocale();
  const { index, error } = useSearchIndex(tariffId);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [stack, setStack] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => (index ? search(index, query, MAX_RESULTS) : []), [index, query]);
  const open = stack[stack.length - 1] ?? null;

  useEffect(() => {
    if (open === null) input.current?.focus();
  }, [open]);

  // The stack holds takst codes and `merknad:<id>` for merknader.
  const openCode = useCallback((code: string) => setStack((s) => [...s, code]), []);
  const openHit = (hit: SearchHit<Entry>) => openCode(hit.type === 'takst' ? hit.entry.code : `${MERKNAD}${hit.merknad.id}`);
  const back = useCallback(() => setStack((s) => s.slice(0, -1)), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'End' && e.ctrlKey) setActive(Math.max(hits.length - 1, 0));
    else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) openHit(hit);
    } else if (e.key === 'Escape' && query) {
      setQuery('');
      setActive(0);
    } else return;
    e.preventDefault();
  };

  const openMerknad = open?.startsWith(MERKNAD) ? index?.merknader.find((m) => `${MERKNAD}${m.id}` === open) : undefined;
  if (openMerknad) return <MerknadDetails merknad={openMerknad} onOpen={openCode} onBack={back} />;
  if (open !== null && tariffId) {
    return <TakstDetails tariffId={tariffId} code={open} versions={versions} onOpen={openCode} onBack={back} />;
  }

  const activeId = hits[active] ? `hit-${hitKey(hits[active])}` : undefined;
  const loading = !index && !error;
  return (
    <div class="search">
      <label for="search-input" class="search-label">
        {tr('popup_search_label')}
      </label>
      <input
        id="search-input"
        ref={input}
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-describedby="search-hint"
        autocomplete="off"
        spellcheck={false}
        placeholder={tr('popup_search_placeholder')}
        value={query}
        onInput={(e) => {
          setQuery((e.currentTarget as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="search-hint" class="hint">
        {tr('popup_search_hint')}
      </p>
      {error && (
        <p role="alert" class="error">
          {tr('popup_error_load', { error })}
        </p>
      )}
      {/* While the index loads the count would say "0 treff": say it is loading instead. */}
      {loading && (
        <p class="loading" aria-busy="true">
          {tr('popup_search_loading')}
        </p>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {query.trim() ? (loading ? tr('popup_search_loading') : tr('popup_search_count', { count: hits.length })) : ''}
      </p>
      <ul id="search-results" role="listbox" aria-label={tr('popup_search_results')} class="results">
        {hits.map((h, i) => (
          <li
            key={hitKey(h)}
            id={`hit-${hitKey(h)}`}
            role="option"
            aria-selected={i === active}
            class={`result ${h.type}${i === active ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => openHit(h)}
          >
            {h.type === 'takst' ? (
              <>
                <span class="code">{h.entry.code}</span> <span class="label">{entryLabel(h.entry, locale)}</span>
              </>
            ) : (
              <>
                <span class="code">{tr('popup_merknad_title', { id: h.merknad.id })}</span>{' '}
                <span class="label">{h.merknad.summary ? clip(h.merknad.summary) : tr('popup_takst_merknad_no_summary')}</span>
                {h.merknad.codes.length > 0 && <span class="cited">{tr('popup_merknad_cited_short', { codes: clipCodes(h.merknad.codes) })}</span>}
              </>
            )}
          </li>
        ))}
      </ul>
      {query.trim() && index && hits.length === 0 && <p class="empty">{tr('popup_search_none', { query: query.trim() })}</p>}
    </div>
  );
}
