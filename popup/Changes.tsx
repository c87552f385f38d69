// "What changed since the previous year" for one takst, when two tariff versions are loaded.
import type { Response } from '../src/messages';
import { useLocale, useT } from '../src/ui/i18n';
import { tariffName } from '../src/core/i18n';

type Previous = NonNullable<Response<'ui:takst'>['previous']>;

export function Changes({ previous }: { previous: Previous }) {
  const tr = useT();
  const label = tr('popup_changes_title', { label: tariffName(useLocale(), previous.tariff) });
  return (
    <section class="changes" aria-label={label}>
      <h3>{label}</h3>
      {previous.status === 'new' && <p>{tr('popup_changes_new')}</p>}
      {previous.status === 'unchanged' && <p>{tr('popup_changes_none')}</p>}
      {previous.status === 'changed' && (
        <table>
          <thead>
            <tr>
              <th scope="col">{tr('popup_changes_field')}</th>
              <th scope="col">{tr('popup_changes_before')}</th>
              <th scope="col">{tr('popup_changes_after')}</th>
            </tr>
          </thead>
          <tbody>
            {previous.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{tr(`popup_field_${c.field}`)}</th>
                <td>{c.before}</td>
                <td>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
