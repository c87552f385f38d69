// Fields a refused change got wrong, named by what a person calls them (and the path, for IT), with the
// message in the page's language (src/ui/issue-text.ts), read out when they appear.
import { useLocale, useT } from '../ui/i18n';
import { issueText } from '../ui/issue-text';

export function Issues({ issues, title }: { issues: ReadonlyArray<{ path: string; message: string }>; title?: string }) {
  const tr = useT();
  const locale = useLocale();
  if (!issues.length) return null;
  return (
    <div class="issues" role="alert">
      <p>
        <strong>{title ?? tr('options_issues_title')}</strong>
      </p>
      <ul>
        {issues.map((i) => {
          const x = issueText(locale, i);
          return (
            <li key={`${i.path}:${i.message}`}>
              {x.field ? (
                <>
                  {x.field} (<code>{x.path}</code>)
                </>
              ) : (
                <code>{x.path}</code>
              )}
              : {x.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
