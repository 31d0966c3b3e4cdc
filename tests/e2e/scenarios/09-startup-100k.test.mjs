import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { test } from 'node:test';
import { keepEvidence, launch } from '../lib/app.mjs';
import { busiestManager, SCALE_DB, SCALE_DEALS } from '../lib/scale.mjs';
import { click, fill, tid, waitFor } from '../lib/ui.mjs';

const deals = SCALE_DEALS.toLocaleString('en');

/** Today is interactive when its tasks are listed with their Complete buttons. */
async function todayReady(browser) {
  await waitFor(browser, `${tid('today-screen')} ${tid('task-item')} ${tid('task-complete')}`, { timeout: 300_000 });
}

// Measures, does not judge: the numbers are printed, no timing is asserted.
test(`start-up with ${deals} deals (measured, not asserted)`, {
  timeout: 900_000,
  skip: existsSync(SCALE_DB) ? false : `${SCALE_DB} is missing (run.mjs creates it when target/release/voronka-cli exists)`,
}, async () => {
  const manager = busiestManager();

  // The same start on an empty database, for comparison.
  let baseline;
  {
    const empty = await launch({ name: 'startup-empty' });
    try {
      await waitFor(empty.browser, tid('first-start-name'), { timeout: 300_000 });
      baseline = Date.now() - empty.startedAt;
    } finally {
      await empty.close();
    }
  }

  let app = await launch({ name: 'startup', db: SCALE_DB, keep: true });
  const home = app.home;
  const firstSession = app.sessionMs;
  try {
    const { browser } = app;
    await waitFor(browser, tid('first-start-name'), { timeout: 300_000 });
    const firstScreen = Date.now() - app.startedAt;

    // No one is signed in on a new machine: the name of an existing manager signs in as them.
    await fill(browser, tid('first-start-name'), manager.name);
    const signIn = Date.now();
    await click(browser, tid('first-start-submit'));
    await todayReady(browser);
    const toToday = Date.now() - signIn;
    const shown = (await browser.$$(tid('task-item'))).length;
    assert.ok(shown > 0, 'Today shows no tasks');
    await app.close();

    // The next start remembers who signed in: straight to Today.
    app = await launch({ name: 'startup', dir: home });
    await todayReady(app.browser);
    const again = Date.now() - app.startedAt;

    // The companies table at 100,000 rows: scroll it by a screenful per frame and time the
    // frames, pages being read from the store as the end comes near.
    await click(app.browser, tid('nav-companies'));
    await waitFor(app.browser, `${tid('companies-table')} ${tid('company-row')}`, { timeout: 60_000 });
    const scroll = await app.browser.executeAsync((done) => {
      const box = document.querySelector('[data-testid="companies-table"]');
      const frames = [];
      let last = performance.now();
      let steps = 0;
      const step = () => {
        const now = performance.now();
        frames.push(now - last);
        last = now;
        if (steps++ >= 120) {
          frames.sort((a, b) => a - b);
          const rows = box.querySelectorAll('[data-testid="company-row"]').length;
          done({ top: box.scrollTop, rows, p50: frames[frames.length >> 1], p95: frames[Math.floor(frames.length * 0.95)], max: frames[frames.length - 1] });
          return;
        }
        box.scrollTop += box.clientHeight;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    assert.ok(scroll.top > 0 && scroll.rows > 0, `the companies table scrolled and shows rows: ${JSON.stringify(scroll)}`);

    console.log(
      [
        `start-up with ${deals} deals, signed in as ${manager.name} (${manager.openTasks} open tasks, ${shown} on Today):`,
        `  app start -> first-start screen: ${firstScreen} ms (of which window + WebDriver session: ${firstSession} ms; empty database: ${baseline} ms)`,
        `  Start pressed -> Today interactive: ${toToday} ms`,
        `  second start -> Today interactive: ${again} ms (window + session: ${app.sessionMs} ms)`,
        `  companies table, 120 frames of a screenful each: frame p50 ${scroll.p50.toFixed(1)} ms, p95 ${scroll.p95.toFixed(1)} ms, max ${scroll.max.toFixed(1)} ms; ${scroll.rows} rows drawn at ${Math.round(scroll.top)} px`,
      ].join('\n'),
    );
  } catch (e) {
    await keepEvidence(app, 'startup');
    throw e;
  } finally {
    await app.close();
    // The copy of the large database goes too, whichever start failed.
    rmSync(home, { recursive: true, force: true });
  }
});
