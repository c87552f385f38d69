// A combination list expanded into real codes, each a link to that takst. `allExcept` lists say so.
import type { Response } from '../src/messages';
import { useT } from '../src/ui/i18n';

type CodeList = NonNullable<Response<'ui:takst'>['description']>['deny'];

export function CodeLinks({ title, list, onOpen }: { title: string; list: CodeList; onOpen: (code: string) => void }) {
  const tr = useT();
  if (list.mode === 'none') return null;
  const links = (
    <ul class="codes">
      {list.codes.map((c) => (
        <li key={c}>
          <a
            href={`#takst-${c}`}
            onClick={(e) => {
              e.preventDefault();
              onOpen(c);
            }}
          >
            {c}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <section class="code-list" aria-label={title}>
      <h4>{title}</h4>
      {list.mode === 'allExcept' && <p>{list.codes.length ? tr('popup_codes_all_except') : tr('popup_codes_all')}</p>}
      {list.codes.length > 0 && links}
      {list.text && <p class="notation">{tr('popup_codes_notation', { text: list.text })}</p>}
    </section>
  );
}
