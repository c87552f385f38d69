// Teach mode (issue 12 §6), bundled to content-teach.js and injected by the background into the tab's top
// frame only when the popup's "Lær Takstvakt denne skjermen" is clicked. The IT person clicks the takst
// field(s), count, date, time and diagnosis; propose.ts turns the clicks into selectors; the custom
// adapter reads the page with them (the same code path checking will use) and shows what it reads;
// "Lagre" sends only the selectors (cs:teach-save). Escape or "Avbryt" ends it and leaves the page as it was.
import { customAdapter, type CustomAdapter } from '../adapters/custom';
import { readPlan, type RegionRead } from '../adapters/read-plan';
import { ContentScriptContext } from '../context';
import { tr, type Strings } from '../overlay/strings';
import { createSender } from '../runtime';
import { el, TeachPanel } from './panel';
import { startPicker } from './picker';
import { propose } from './propose';
import { STEPS, TeachState } from './steps';

/** The running teach mode of this frame (isolated world): a second click in the popup restarts it. */
const RUNNING = Symbol.for('takstvakt.teach');
type Running = { [RUNNING]?: ContentScriptContext };

const SELECTOR_KEYS = ['region', 'code', 'line', 'count', 'date', 'time', 'diagnosis'] as const;

/** `2024-03-13` -> `13.03.2024`, as a person reads dates. */
const dmy = (iso: string) => iso.split('-').reverse().join('.');

/** What the custom adapter reads with `adapter` now, region by region. */
export function readWith(adapter: CustomAdapter): RegionRead[] {
  const a = customAdapter(adapter);
  return a.regions(document).map((r) => readPlan(a.plan(r)));
}

function readsList(strings: Strings, reads: RegionRead[]): HTMLElement {
  const dl = el('dl', '');
  const row = (key: string, value: string) => dl.append(el('dt', '', tr(strings, key)), el('dd', '', value));
  const none = tr(strings, 'teach_none');
  if (!reads.length) row('teach_codes', none);
  for (const r of reads) {
    row('teach_codes', r.unreadable ? tr(strings, 'teach_unreadable') : r.lines.map((l) => (l.count > 1 ? `${l.code} × ${l.count}` : l.code)).join(', ') || none);
    row('teach_date', r.context.date ? dmy(r.context.date) : none);
    row('teach_time', r.context.time ?? none);
    row('teach_diagnosis', r.context.diagnoses?.join(', ') || none);
  }
  return dl;
}

async function teach(ctx: ContentScriptContext): Promise<void> {
  const world = globalThis as Running;
  world[RUNNING]?.invalidate();
  world[RUNNING] = ctx;
  const send = createSender(ctx);
  const config = await send('cs:get-config', {});
  if (ctx.invalid || !config.ok) return;
  const strings = config.value.strings;
  const panel = new TeachPanel(strings, ctx.signal);
  ctx.onInvalidated(() => panel.dispose());
  const state = new TeachState();
  let hover: Element | null = null;
  const redraw = () => panel.outline(state.done ? [] : state.picked(), state.done ? null : hover);
  const end = () => ctx.invalidate();

  const render = (): void => {
    redraw();
    if (state.done) return review();
    const key = state.key!;
    const canNext = key !== 'code' || state.picks.code.length > 0;
    const status = el('p', '', key === 'code' ? tr(strings, 'teach_picked', { n: state.picks.code.length }) : '');
    status.setAttribute('role', 'status');
    const row = el('div', 'a');
    row.append(
      ...(key === 'code' ? (canNext ? [panel.button(tr(strings, 'teach_next'), () => (state.next(), render()), true)] : []) : [panel.button(tr(strings, 'teach_skip'), () => (state.next(), render()))]),
      panel.button(tr(strings, 'teach_cancel'), end),
    );
    panel.setStep(key);
    panel.show(
      el('p', 'step', tr(strings, 'teach_step', { n: state.step + 1, total: STEPS.length })),
      el('p', '', tr(strings, `teach_step_${key}`)),
      status,
      row,
      el('p', 'sr', tr(strings, 'teach_escape')),
    );
    panel.focusFirst();
  };

  const review = (): void => {
    const p = propose(state.picks);
    const again = panel.button(tr(strings, 'teach_restart'), () => (state.restart(), render()));
    const cancel = panel.button(tr(strings, 'teach_cancel'), end);
    panel.setStep(p.ok ? 'review' : 'problem');
    if (!p.ok) {
      const row = el('div', 'a');
      row.append(again, cancel);
      return panel.show(el('p', 'err', tr(strings, `teach_problem_${p.problem.replace('-', '_')}`)), row);
    }
    const reads = readWith(p.adapter);
    const selectors = el('dl', '');
    for (const k of SELECTOR_KEYS) {
      const value = p.adapter[k];
      if (!value) continue;
      const dd = el('dd', '');
      dd.append(el('code', '', value));
      selectors.append(el('dt', '', tr(strings, `teach_sel_${k}`)), dd);
    }
    const details = el('details', '');
    details.append(el('summary', '', tr(strings, 'teach_selectors')), selectors);
    const result = el('p', '');
    result.setAttribute('role', 'status');
    const save = panel.button(tr(strings, 'teach_save'), () => {
      void send('cs:teach-save', { ...p.adapter, kind: 'custom' }).then((r) => {
        if (ctx.invalid) return;
        const issue = r.ok ? r.value.issues[0] : { path: '(root)', message: r.error };
        if (r.ok && r.value.saved) {
          panel.setStep('saved');
          result.className = 'ok';
          result.textContent = tr(strings, 'teach_saved');
          row.replaceChildren(panel.button(tr(strings, 'teach_close'), end, true));
          panel.focusFirst();
          return;
        }
        result.className = 'err';
        result.textContent = tr(strings, 'teach_save_failed', { problem: issue ? `${issue.path}: ${issue.message}` : '' });
      });
    }, true);
    const row = el('div', 'a');
    row.append(save, again, cancel);
    panel.show(el('p', 'step', tr(strings, 'teach_reads')), readsList(strings, reads), details, result, row);
    panel.focusFirst();
  };

  startPicker(ctx, {
    isOwn: (e) => panel.isOwn(e),
    pick: (field) => {
      if (state.done) return;
      state.pick(field);
      render();
    },
    hover: (field) => {
      hover = field;
      redraw();
    },
    cancel: end,
  });
  ctx.addEventListener(window, 'scroll', () => ctx.requestAnimationFrame(redraw), { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', () => ctx.requestAnimationFrame(redraw), { passive: true });
  render();
}

const ctx = new ContentScriptContext();
void teach(ctx).catch((e: unknown) => {
  // Never throw into the page; teaching simply stops.
  ctx.failed(e);
  ctx.invalidate();
});
