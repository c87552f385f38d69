// What the extension reads on a demo screen, asked from the content script itself (bg:probe, the
// same message "Test på åpen fane" uses), compared with the screen's expected.json bill: codes, counts,
// date, time and diagnoses must be equal. Used by screens-read.test.ts and the benchmarks.
import type { BrowserContext, Page } from 'playwright-core';
import type { Launched } from './harness';

export interface ProbeRegion {
  regionId: string;
  where: string;
  state: string;
  reason?: string;
  lines: Array<{ code: string; count: number; where: string }>;
  context: { date?: string; time?: string; diagnoses?: string[]; age?: number };
  skipped?: Array<{ where: string; reason: string }>;
  partial?: { read: number; total: number };
}

interface ExpectedBill {
  date?: string;
  time?: string;
  diagnoses?: string[];
  lines?: Array<{ code: string; count: number }> | string;
  rows?: Array<{ row: string; time?: string; diagnoses?: string[]; lines: Array<{ code: string; count: number }> }>;
  partial?: boolean;
  totalLines?: number;
}

export interface ReadScreen {
  id: string;
  notABill?: boolean;
  badge?: string;
  frame?: string;
  bill: ExpectedBill;
}

/** The probe's answer for the tab showing `page` (every frame is asked; the first with regions answers). */
export async function probeTab(ext: Pick<Launched, 'context' | 'extensionId'>, page: Page, timeoutMs = 10_000): Promise<ProbeRegion[]> {
  const worker = await currentWorker(ext.context, ext.extensionId);
  const until = Date.now() + timeoutMs;
  // As "Test på åpen fane" (ui:probe) does: a page where the boot script held the full script back
  // (a lookup page) gets it injected when nothing answers, so what it would read is still asked.
  const injectAt = Date.now() + 1000;
  let injected = false;
  let last = '';
  for (;;) {
    const inject: boolean = !injected && Date.now() > injectAt && last !== '';
    injected ||= inject;
    const res = (await worker
      .evaluate(async ([url, inject]: [string, boolean]) => {
        const [tab] = await chrome.tabs.query({ url });
        if (tab?.id === undefined) return { ok: false, error: 'no tab' };
        if (inject) await chrome.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['content-main.js'] });
        return chrome.tabs.sendMessage(tab.id, { type: 'bg:probe', payload: {} });
      }, [page.url(), inject] as [string, boolean])
      .catch((e: unknown) => ({ ok: false, error: String(e) }))) as { ok: boolean; value?: { regions: ProbeRegion[] }; error?: string };
    if (res.ok && res.value) return res.value.regions;
    last = res.error ?? '';
    if (Date.now() > until) throw new Error(`no probe answer: ${last}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function currentWorker(context: BrowserContext, extensionId: string) {
  const prefix = `chrome-extension://${extensionId}/`;
  return context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix) });
}

const norm = (c: string) => c.replace(/\s+/g, '').toLowerCase();
const linesOf = (r: ProbeRegion) => r.lines.map((l) => `${norm(l.code)}x${l.count}`);

/** Differences between what was read and the screen's expected bill; empty when read exactly. */
export function readProblems(screen: ReadScreen, regions: ProbeRegion[]): string[] {
  const problems: string[] = [];
  const bill = screen.bill;
  const withLines = regions.filter((r) => r.lines.length > 0);
  if (screen.notABill) {
    if (withLines.length) problems.push(`not a bill, but read ${JSON.stringify(withLines.map(linesOf))}`);
    if (regions.some((r) => r.state === 'unreadable')) problems.push('not a bill, but a region is "unreadable"');
    return problems;
  }
  if (screen.badge === 'unreadable') {
    if (!regions.some((r) => r.state === 'unreadable')) problems.push('expected an unreadable region');
    if (withLines.length) problems.push(`expected no lines, read ${JSON.stringify(withLines.map(linesOf))}`);
    return problems;
  }
  const context = (r: ProbeRegion, want: { date?: string; time?: string; diagnoses?: string[] }) => {
    for (const k of ['date', 'time'] as const) if (want[k] !== undefined && r.context[k] !== want[k]) problems.push(`${k}: read ${r.context[k]}, expected ${want[k]}`);
    if (want.diagnoses && JSON.stringify(r.context.diagnoses ?? []) !== JSON.stringify(want.diagnoses)) problems.push(`diagnoses: read ${JSON.stringify(r.context.diagnoses)}, expected ${JSON.stringify(want.diagnoses)}`);
  };
  if (bill.rows) {
    if (withLines.length !== bill.rows.length) problems.push(`expected ${bill.rows.length} bills (one per row), read ${withLines.length}`);
    for (const row of bill.rows) {
      const r = withLines.find((x) => x.where.includes(`#${row.row}`));
      if (!r) {
        problems.push(`no bill read for row ${row.row}`);
        continue;
      }
      const want = row.lines.map((l) => `${norm(l.code)}x${l.count}`);
      if (JSON.stringify(linesOf(r)) !== JSON.stringify(want)) problems.push(`row ${row.row}: read ${JSON.stringify(linesOf(r))}, expected ${JSON.stringify(want)}`);
      context(r, { date: bill.date, time: row.time, diagnoses: row.diagnoses });
    }
    return problems;
  }
  if (withLines.length !== 1) {
    problems.push(`expected one bill, read ${withLines.length}: ${JSON.stringify(withLines.map(linesOf))}`);
    return problems;
  }
  const r = withLines[0]!;
  if (Array.isArray(bill.lines)) {
    const want = bill.lines.map((l) => `${norm(l.code)}x${l.count}`);
    const got = linesOf(r);
    if (bill.partial) {
      // A virtualised grid: the rendered rows (from the top) are read, and the region says how many exist.
      if (got.length === 0 || got.length >= (bill.totalLines ?? Infinity) || JSON.stringify(got) !== JSON.stringify(want.slice(0, got.length))) problems.push(`partial read ${JSON.stringify(got)} is not a prefix of ${JSON.stringify(want)}`);
      if (!r.partial || r.partial.total !== bill.totalLines || r.partial.read !== got.length) problems.push(`partial: ${JSON.stringify(r.partial)}, expected read ${got.length} of ${bill.totalLines}`);
    } else if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`lines: read ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  if (r.state !== 'checked') problems.push(`state ${r.state} (${r.reason ?? ''})`);
  if (regions.some((x) => x.state === 'unreadable')) problems.push('a region is "unreadable"');
  context(r, bill);
  return problems;
}
