// The installed package as a sales manager meets it (run by scripts/bundle-test.sh after it
// installed the .deb, inside a virtual display and a D-Bus session, with a fresh HOME and XDG
// folders): the desktop entry's command starts the app to the first-start screen, the demo
// loads from that screen, and About names the data folder and the log file in that HOME.
//
// VORONKA_INSTALLED_EXEC: the desktop entry's Exec line without its field codes;
// VORONKA_VERSION: the version the package was made with.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { screenshot, withApp } from '../lib/app.mjs';
import { firstStart, nav } from '../lib/flows.mjs';
import { captureScreen, OUT } from '../lib/paths.mjs';
import { click, eventually, textOf, tid, waitFor } from '../lib/ui.mjs';

const EXEC = process.env.VORONKA_INSTALLED_EXEC;
const VERSION = process.env.VORONKA_VERSION;
const DATA = join(process.env.XDG_DATA_HOME ?? join(process.env.HOME, '.local/share'), 'Voronka');
const LOGS = join(DATA, 'logs');

/** Everything the app wrote to its log files so far. */
function logged() {
  if (!existsSync(LOGS)) return '';
  return readdirSync(LOGS)
    .filter((f) => /^voronka\..*\.log$/.test(f))
    .sort()
    .map((f) => readFileSync(join(LOGS, f), 'utf8'))
    .join('');
}

/** Ends the process group the desktop entry's command started, and waits for it. */
async function quit(child) {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM');
  const late = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(late);
}

test('the installed app starts from its desktop entry, loads the demo and names its data and log', { timeout: 400_000 }, async () => {
  assert.ok(EXEC && VERSION, 'VORONKA_INSTALLED_EXEC and VORONKA_VERSION are set by scripts/bundle-test.sh');

  // As a launcher runs it: the Exec line through a shell, in this HOME.
  const started = Date.now();
  const child = spawn('sh', ['-c', `exec ${EXEC}`], { detached: true, stdio: 'ignore' });
  try {
    await eventually(() => logged().includes('the window shows first_start'), {
      timeout: 60_000,
      describe: async () => `the log says: ${logged() || '(nothing yet)'}`,
    });
    console.log(`desktop entry → first-start screen: ${Date.now() - started} ms (empty database)`);
    // The webview paints a moment after it asked which screen to show.
    await new Promise((r) => setTimeout(r, 1500));
    captureScreen(join(OUT, 'installed-first-start.png'));
  } finally {
    await quit(child);
  }
  assert.ok(existsSync(join(DATA, 'voronka.db')), `the local database is made in ${DATA}`);

  // The same installed binary through WebDriver, on the same HOME: the first-start screen's demo.
  const binary = execFileSync('sh', ['-c', `command -v ${EXEC.split(/\s+/)[0]}`], { encoding: 'utf8' }).trim();
  await withApp({ name: 'installed', installed: binary, keep: true }, async ({ browser }) => {
    await waitFor(browser, tid('first-start-form'), { timeout: 60_000 });
    await firstStart(browser, { name: 'Олена Демченко', demo: true });
    await waitFor(browser, `${tid('today-screen')} ${tid('task-item')}`);

    await nav(browser, 'settings');
    await click(browser, tid('settings-tab-about'));
    await waitFor(browser, `${tid('about-table')} tr`);
    const about = await textOf(browser, await waitFor(browser, tid('about-table')));
    assert.ok(about.includes(`Voronka ${VERSION}`), about);
    assert.ok(about.includes(`sqlite:${join(DATA, 'voronka.db')}`), about);
    assert.ok(about.includes(DATA), about);
    assert.match(about, new RegExp(`${LOGS.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/voronka\\.\\d{4}-\\d{2}-\\d{2}\\.log`));
    await screenshot(browser, 'installed-about.png');
  });
  const log = logged();
  assert.match(log, /Voronka \S+ starts/, log);
  assert.match(log, /the window shows today/, 'after the demo the window shows Today');
});
