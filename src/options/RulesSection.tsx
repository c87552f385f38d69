// Rules: severity per rule id (standard, off, info, warning, error) and the rules muted from a marker,
// each with a way back, and the findings ignored once in open tabs.
import { useT } from '../ui/i18n';
import { isLocked } from '../ui/settings';
import { IgnoredList } from './IgnoredList';
import { LockedNote } from './Locked';
import type { SettingsApi } from './OptionsApp';

const LEVELS = ['off', 'info', 'warning', 'error'] as const;
type Level = (typeof LEVELS)[number];
const isLevel = (v: string): v is Level => (LEVELS as readonly string[]).includes(v);

export function RulesSection({ api }: { api: SettingsApi }) {
  const tr = useT();
  const { rules } = api.view.settings;
  // Rules a file or policy names that this build does not know still show, so they can be reset.
  const ids = [...new Set<string>([...api.view.ruleIds, ...Object.keys(rules.severity)])];
  const mutedLocked = isLocked(api.view, 'rules.muted');
  const ruleName = (id: string) => {
    const key = `options_rule_${id}`;
    const name = tr(key);
    return name === key ? id : name;
  };

  return (
    <section class="card" aria-labelledby="rules-h">
      <h2 id="rules-h">{tr('options_rules_title')}</h2>
      <p class="hint">{tr('options_rules_intro')}</p>
      <table class="rules">
        <caption class="visually-hidden">{tr('options_rules_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('options_rules_rule')}</th>
            <th scope="col">{tr('options_rules_severity')}</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const path = `rules.severity.${id}`;
            const locked = isLocked(api.view, path);
            return (
              <tr key={id}>
                <th scope="row">
                  {ruleName(id)} <code class="muted">{id}</code>
                </th>
                <td>
                  <select
                    aria-label={tr('options_rules_severity_for', { rule: ruleName(id) })}
                    value={rules.severity[id] ?? 'default'}
                    disabled={locked}
                    onChange={(e) => {
                      const v = (e.currentTarget as HTMLSelectElement).value;
                      void api.save((d) => {
                        if (isLevel(v)) d.rules.severity[id] = v;
                        else delete d.rules.severity[id];
                      });
                    }}
                  >
                    <option value="default">{tr('options_rules_default')}</option>
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {tr(`options_level_${l}`)}
                      </option>
                    ))}
                  </select>{' '}
                  <LockedNote view={api.view} path={path} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3 id="muted-h">{tr('options_muted_title')}</h3>
      <LockedNote view={api.view} path="rules.muted" />
      {rules.muted.length === 0 ? (
        <p>{tr('options_muted_none')}</p>
      ) : (
        <ul aria-labelledby="muted-h">
          {rules.muted.map((id) => (
            <li key={id}>
              {ruleName(id)} <code class="muted">{id}</code>{' '}
              <button
                type="button"
                disabled={mutedLocked}
                aria-label={tr('options_muted_restore_for', { rule: ruleName(id) })}
                onClick={() => void api.save((d) => void (d.rules.muted = d.rules.muted.filter((m) => m !== id)))}
              >
                {tr('options_muted_restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <IgnoredList ruleName={ruleName} />
    </section>
  );
}
