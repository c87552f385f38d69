// Fields a refused change got wrong, named by path, read out when they appear.
import { useT } from '../ui/i18n';

export function Issues({ issues, title }: { issues: ReadonlyArray<{ path: string; message: string }>; title?: string }) {
  const tr = useT();
  if (!issues.length) return null;
  return (
    <div class="issues" role="alert">
      <p>
        <strong>{title ?? tr('options_issues_title')}</strong>
      </p>
      <ul>
        {issues.map((i) => (
          <li key={`${i.path}:${i.message}`}>
            <code>{i.path}</code>: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
