// Page-side benchmarks (issue 8), run by scripts/bench-e2e.mjs in the same browser and run:
//   adapter.screens-exact           demo screens read exactly as their expected.json says (N/N)
//   adapter.false-positive-markers  markers on the non-bill screens, after their scenarios (target 0)
//   e2e.lookup-load-script          ms of extension script on the React lookup page (500-row reference table), load to idle
//   e2e.lookup-keystroke-script     ms of extension script per keystroke typed into its filter fields
//   e2e.stress-attr-toggle-script   ms of extension script per frame while an attribute flips on one cell every frame
//                                   of the 2,000-line screen
//   e2e.stress-edit-script          ms of extension script per edit on the 2,000-line screen (input event to
//                                   marker, both directions), with the long tasks seen during those edits
//   e2e.stress-edit-longtasks-ours  of those long tasks, the ones that are ours: without our script time in
//                                   it (profiler samples) the task would not be over 50 ms
// Extension script time is CPU time sampled by Chromium's profiler (CDP Profiler, 100 µs) whose stack
// holds a function from a chrome-extension:// script: the browser work our code asks for (a forced
// layout, a hit test, a selector query) counts; the page's own work does not.

/**
 * Runs `fn` under the page's CPU profiler; returns ms spent in extension scripts. With `ourSamples` (an
 * array), each of our samples is pushed as [page time in ms (performance.now), ms], so long tasks can
 * be told apart: the page clock at the profiler's start is read right after it (a ms or two late).
 */
export async function extensionScriptMs(page, fn, ourSamples = null) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const startedAt = ourSamples ? await page.evaluate(() => performance.now()) : 0;
    await fn();
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    // A node counts when it or any caller is ours (native DOM calls have no URL of their own).
    const ours = new Map();
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const isOurs = (id) => {
      if (id === undefined) return false;
      if (!ours.has(id)) ours.set(id, (byId.get(id)?.callFrame.url ?? '').startsWith('chrome-extension://') || isOurs(parent.get(id)));
      return ours.get(id);
    };
    let us = 0;
    let at = 0;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i] ?? 0;
      if (!isOurs(id)) return;
      us += profile.timeDeltas[i] ?? 0;
      ourSamples?.push([startedAt + at / 1000, (profile.timeDeltas[i] ?? 0) / 1000]);
    });
    return us / 1000;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export async function screensExact(h, ext, server, log) {
  const screens = h.loadScreens('test/fixtures/epj');
  let exact = 0;
  let falsePositives = 0;
  const failed = [];
  for (const screen of screens) {
    const page = await ext.context.newPage();
    try {
      await h.openScreen(page, server, screen);
      if (screen.notABill) await page.waitForTimeout(1500);
      let problems = [];
      const until = Date.now() + 8000;
      for (;;) {
        problems = h.readProblems(screen, await h.probeTab(ext, page).catch(() => []));
        if (!problems.length || Date.now() > until) break;
        await page.waitForTimeout(250);
      }
      if (problems.length) failed.push(`${screen.id}: ${problems.join('; ')}`);
      else exact++;
      if (screen.notABill) {
        let n = (await h.markers(page)).length;
        for (const s of screen.scenarios) {
          await h.runSteps(page, s.steps);
          await page.waitForTimeout(750);
          n = Math.max(n, (await h.markers(page)).length);
        }
        falsePositives += n;
      }
    } finally {
      await page.close();
    }
  }
  for (const f of failed) log(`not read exactly: ${f}`);
  return { exact, total: screens.length, falsePositives, notBills: screens.filter((s) => s.notABill).length };
}

export async function lookupPage(h, ext, server) {
  const page = await ext.context.newPage();
  try {
    const load = await extensionScriptMs(page, async () => {
      await page.goto(server.url('oppslag/index.html'), { waitUntil: 'load' });
      await page.waitForSelector('tbody tr');
      await page.waitForTimeout(1500);
    });
    const text = '2026-11-29';
    const keys = await extensionScriptMs(page, async () => {
      await page.click('#dato');
      await page.keyboard.type(text, { delay: 30 });
      await page.click('#takstkode');
      await page.keyboard.type('2ad 1bd', { delay: 30 });
      await page.waitForTimeout(300);
    });
    return { loadMs: load, perKeyMs: keys / (text.length + 7), markers: (await h.markers(page)).length };
  } finally {
    await page.close();
  }
}

export async function attributeToggle(h, ext, server, frames = 120) {
  const page = await ext.context.newPage();
  try {
    await page.goto(server.url('stress/index.html'), { waitUntil: 'load' });
    await page.locator('#linje-1500 input.kode').scrollIntoViewIfNeeded();
    await h.waitForMarkers(page, (l) => l.some((m) => h.normCode(m.code) === '612b'), { timeout: 30_000 });
    await page.waitForTimeout(500);
    const ms = await extensionScriptMs(page, () =>
      page.evaluate(
        (n) =>
          new Promise((done) => {
            // A grid's focus ring: one cell gets and loses a class and aria-selected on every frame.
            const cell = document.querySelector('#linje-1200 td');
            let i = 0;
            const step = () => {
              cell.classList.toggle('fokus');
              cell.setAttribute('aria-selected', String(i % 2 === 0));
              if (++i < n) requestAnimationFrame(step);
              else setTimeout(done, 100);
            };
            requestAnimationFrame(step);
          }),
        frames,
      ),
    );
    return { perFrameMs: ms / frames, frames };
  } finally {
    await page.close();
  }
}

/**
 * Long tasks (> 50 ms) that are ours: `ours` holds our profiler samples as [page ms, ms]; a task is ours
 * when what is left of it without our samples is not over 50 ms. Also the most script of ours in one task.
 */
export function ourLongTasks(tasks, ours) {
  let count = 0;
  let maxOursMs = 0;
  for (const t of tasks) {
    let mine = 0;
    for (const [at, ms] of ours) if (at >= t.start && at <= t.start + t.duration) mine += ms;
    maxOursMs = Math.max(maxOursMs, mine);
    if (t.duration - mine <= 50) count++;
  }
  return { count, of: tasks.length, maxOursMs: Math.round(maxOursMs * 10) / 10 };
}
