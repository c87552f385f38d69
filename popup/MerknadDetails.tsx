// One merknad as a search result opened: our summary (or that the text was not retrieved), the link
// to the official text, and the takster that cite it, each a link to that takst.
import { useEffect, useRef } from 'preact/hooks';
import type { MerknadEntry } from '../src/ui/search/index';
import { useT } from '../src/ui/i18n';
import { CodeLinks } from './CodeLinks';
import { useEscapeBack } from './TakstDetails';

export function MerknadDetails({ merknad, onOpen, onBack }: { merknad: MerknadEntry; onOpen: (code: string) => void; onBack: () => void }) {
  const tr = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [merknad.id]);
  useEscapeBack(onBack);
  return (
    <article class="takst merknad">
      <button type="button" class="back" onClick={onBack}>
        {tr('popup_back')}
      </button>
      <h2 ref={heading} tabIndex={-1}>
        {tr('popup_merknad_title', { id: merknad.id })}
      </h2>
      <p class="summary">{merknad.summary ?? <span class="unknown">{tr('popup_takst_merknad_no_summary')}</span>}</p>
      {merknad.url && (
        <p>
          <a href={merknad.url} target="_blank" rel="noopener noreferrer">
            {tr('popup_takst_official_text', { id: merknad.id })}
          </a>
        </p>
      )}
      {merknad.codes.length ? (
        <CodeLinks title={tr('popup_merknad_cited_by')} list={{ mode: 'only', codes: merknad.codes, text: null }} onOpen={onOpen} />
      ) : (
        <p class="muted">{tr('popup_merknad_cited_by_none')}</p>
      )}
    </article>
  );
}
