// Findings ignored once from a marker, in the tabs that are open now, each with a way back. They live
// only in storage.session (page data), so the list is asked for, never stored by this page.
import { useEffect, useState } from 'preact/hooks';
import type { Response } from '../messages';
import { useClient } from '../ui/client';
import { useT } from '../ui/i18n';

type Item = Response<'ui:ignored-list'>['items'][number];

export function IgnoredList({ ruleName }: { ruleName: (id: string) => string }) {
  const tr = useT();
  const client = useClient();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const r = await client.call('ui:ignored-list', {});
    if (r.ok) setItems(r.value.items);
    else setError(r.error);
  };
  useEffect(() => void load(), []);

  const restore = async (item: Item) => {
    const r = await client.call('ui:ignored-restore', item);
    if (!r.ok) setError(r.error);
    await load();
  };

  return (
    <>
      <h3 id="ignored-h">{tr('options_ignored_title')}</h3>
      <p class="hint">{tr('options_ignored_intro')}</p>
      {error && <p role="alert">{error}</p>}
      {items === null ? null : items.length === 0 ? (
        <p>{tr('options_ignored_none')}</p>
      ) : (
        <ul aria-labelledby="ignored-h" class="ignored">
          {items.map((item) => {
            const what = tr('options_ignored_item', { rule: ruleName(item.rule), codes: item.codes.join(', ') || '–' });
            return (
              <li key={`${item.tabId}|${item.frameId}|${item.regionId}|${item.rule}|${item.codes.join(',')}`}>
                {what}{' '}
                <button type="button" aria-label={tr('options_ignored_restore_for', { what })} onClick={() => void restore(item)}>
                  {tr('options_ignored_restore')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
