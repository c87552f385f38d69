// Rules: severity per rule id (standard, off, info, warning, error), muting a rule (here only, in the
// extension's own page: confirmed first, with an undo; a marker's card links here), the muted rules with
// a way back, and the findings ignored once in open tabs. `#regel=<id>` opens at that rule.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../ui/i18n';
import { isLocked } from '../ui/settings';
import { IgnoredList } from './IgnoredList';
import { LockedNote } from './Locked';
import type { SettingsApi } from './OptionsApp';

import { CONFIGURED_SEVERITIES as LEVELS, type ConfiguredSeverity as Level } from '../core/types';
const isLevel = (v: string): v is Level => (LEVELS as readonly string[]).includes(v);

export function RulesSection({ api }: { api: SettingsApi }) {
  const tr = useT();
  const { rules } = api.view.settings;
  // Rules a file or policy names that this build does not know still show, so they can be reset.
  const ids = [...new Set<string>([...api.view.ruleIds, ...Object.keys(rules.severity)])];
  const mutedLocked = isLocked(api.view, 'rules.muted');
  // The rule whose muting waits for confirmation, and the one just muted (offered an undo).
  const [confirming, setConfirming] = useState<string | null>(null);
  const [justMuted, setJustMuted] = useState<string | null>(null);
  const [target] = useState(() => /^#regel=([a-z0-9-]{1,64})$/.exec(location.hash)?.[1] ?? null);
  useEffect(() => {
    if (!target) return;
    const row = document.getElementById(`regel-${target}`);
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLElement>('select, button')?.focus();
  }, [target]);
  const mute = async (id: string) => {
    setConfirming(null);
    const issues = await api.save((d) => void (d.rules.muted.includes(id) || d.rules.muted.push(id)));
    if (!issues.length) setJustMuted(id);
  };
  const unmute = (id: string) => {
    if (justMuted === id) setJustMuted(null);
    void api.save((d) => void (d.rules.muted = d.rules.muted.filter((m) => m !== id)));
  };
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
            const muted = rules.muted.includes(id);
            return (
              <tr key={id} id={`regel-${id}`} class={target === id ? 'target' : undefined}>
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
                  <LockedNote view={api.view} path={path} />{' '}
                  {confirming === id ? (
                    <span role="group" aria-label={tr('options_mute_for', { rule: ruleName(id) })}>
                      <span>{tr('options_mute_confirm', { rule: ruleName(id) })}</span>{' '}
                      <button type="button" onClick={() => void mute(id)}>
                        {tr('options_mute_yes')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        {tr('options_mute_cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" disabled={mutedLocked || muted} aria-label={tr('options_mute_for', { rule: ruleName(id) })} onClick={() => setConfirming(id)}>
                      {muted ? tr('options_mute_is_muted') : tr('options_mute')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <p role="status" class="status">
        {justMuted && rules.muted.includes(justMuted) ? (
          <>
            {tr('options_mute_done', { rule: ruleName(justMuted) })}{' '}
            <button type="button" onClick={() => unmute(justMuted)}>
              {tr('options_mute_undo')}
            </button>
          </>
        ) : null}
      </p>
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
                onClick={() => unmute(id)}
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
