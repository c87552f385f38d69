#!/usr/bin/env node
// Edit latency with a big storage.session (issue 10): one edit on the "linjer" screen, from the input
// event to the marker appearing or going, with storage.session empty and then holding 6.4 MB of other
// tabs' state (records of 200 real-shaped findings, by getBytesInUse). `first` is the first edit after
// the store filled. Prints JSON. `node scripts/bench-session.mjs [extension dir]`
// (default dist/chrome; build first). Compare builds in one run: the machine is shared and noisy.
import { loadHarness } from './serve-fixtures.mjs';

const EDITS = 30;

async function edits(page) {
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    const code = i % 2 === 0 ? '612b' : '701a';
    times.push(
      await page.evaluate(
        (c) =>
          new Promise((resolve) => {
            const field = document.querySelector('#linje-3 input.kode');
            const has = () => document.querySelector('[data-takstvakt-code="612b"]') !== null;
            const want = c === '612b';
            const t0 = performance.now();
            const mo = new MutationObserver(() => {
              if (has() === want) {
                mo.disconnect();
                resolve(performance.now() - t0);
              }
            });
            mo.observe(document.documentElement, { childList: true });
            field.value = c;
            field.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        code,
      ),
    );
  }
  if (process.env.BENCH_RAW) console.error(times.map((t) => Math.round(t)).join(" "));
  const sorted = times.slice(2).sort((a, b) => a - b);
  const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
  return { first: Math.round(times[0] * 10) / 10, median: at(0.5), p95: at(0.95), n: sorted.length };
}

const h = await loadHarness();
const server = await h.serveFixtures('test/fixtures/epj');
const ext = await h.launchWithExtension(process.argv[2] ? { extensionPath: process.argv[2] } : {});
try {
  const page = ext.page;
  await page.goto(server.url('linjer/index.html'));
  await h.waitForMarkers(page, (l) => l.length > 0);
  const empty = await edits(page);
  await ext.serviceWorker.evaluate(async () => {
    // Real-shaped findings (objects, not one long string): what a busy tab stores.
    const finding = (n) => ({ rule: 'unknown-code', severity: 'error', codes: [`q${n}`], message: `Takstkoden q${n} finnes ikke i normaltariffen 2023-2024.`, fix: 'Sjekk skrivemåten, eller slå opp taksten i Takstvakt.', source: { regulation: 'Normaltariffen' }, key: 'rule_unknown_code', docs: 'docs/rules/unknown-code.md', params: { code: `q${n}` } });
    const findings = Array.from({ length: 200 }, (_, n) => finding(n));
    for (let i = 0; (await chrome.storage.session.getBytesInUse(null)) < 6.4e6; i++) {
      await chrome.storage.session.set({ [`tab:${90000 + i}`]: { regions: { '0|r': { findings } }, ignored: {} } });
    }
  });
  const big = await edits(page);
  console.log(JSON.stringify({ extension: process.argv[2] ?? 'dist/chrome', 'session.edit-latency.empty': empty, 'session.edit-latency.6_4MB': big }));
} finally {
  await ext.close();
  await server.close();
}
