// One running Voronka per scenario: its own database, settings folder and WebKit data folder,
// driven through tauri-driver. `launch()` gives a WebdriverIO browser; `close()` always tears
// everything down, also after a failed step.

import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';
import { captureScreen, failedShot, OUT, REPO, SCENARIO } from './paths.mjs';

export { OUT, REPO };
export const APP = process.env.VORONKA_E2E_APP ?? join(REPO, 'target/debug/voronka');
export const DRIVER_PORT = 4444;

const driverUrl = (port) => `http://127.0.0.1:${port}`;

function tauriDriver() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const cargoBin = join(homedir(), '.cargo/bin/tauri-driver');
  return existsSync(cargoBin) ? cargoBin : 'tauri-driver';
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function driverStatus(port) {
  try {
    const res = await fetch(`${driverUrl(port)}/status`, { signal: AbortSignal.timeout(1000) });
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

async function waitForDriver(child, port, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    const status = await driverStatus(port);
    if (status?.value?.ready) return;
    await sleep(100);
  }
  throw new Error(`tauri-driver did not answer ${driverUrl(port)}/status within ${timeoutMs} ms`);
}

function alive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ends tauri-driver and what it started (WebKitWebDriver, the app): they share its group. */
async function stopGroup(pid) {
  for (const [signal, waitMs] of [['SIGTERM', 3000], ['SIGKILL', 2000]]) {
    if (!alive(pid)) return;
    try {
      process.kill(-pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (alive(pid) && Date.now() < deadline) await sleep(50);
  }
}

/** Resolves `promise`, or rejects after `ms` so a hung WebDriver call cannot stall teardown. */
function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * Starts tauri-driver and the app in a fresh temporary folder.
 * `db`: a database file to copy in instead of starting empty; `dir`: reuse a folder a previous
 * launch kept (`keep: true`), to start the app a second time on the same data and settings;
 * `dbUrl`: a database URL to open instead (a team PostgreSQL, with the login's password);
 * `port`: tauri-driver's, for a second app running at the same time (the next port is taken too).
 * `dialogs`: the app's open and save dialogs are answered by `app.answerDialogs(path, …)`
 * instead of the native ones, which nobody can click under Xvfb (a debug build's
 * `VORONKA_DIALOG_ANSWERS`).
 */
export async function launch({ name = 'scenario', db = null, dir = null, keep = false, dbUrl = null, port = DRIVER_PORT, dialogs = false, installed = null } = {}) {
  const application = installed ?? APP;
  if (!existsSync(application)) throw new Error(`${application} is missing: build it with \`make e2e\` or run.mjs --build`);
  if (await driverStatus(port)) throw new Error(`port ${port} is taken: another WebDriver server is running`);

  const home = dir ?? mkdtempSync(join(tmpdir(), `voronka-e2e-${name}-`));
  const dbPath = join(home, 'voronka.db');
  if (db && !dir) copyFileSync(db, dbPath);
  // `installed`: the app as a person starts it, with no arguments, on the default database and
  // settings of the HOME and XDG folders the caller gave this process.
  const env = installed
    ? { ...process.env }
    : {
        ...process.env,
        VORONKA_CONFIG_DIR: join(home, 'config'),
        // WebKit keeps localStorage (language, board view) under the data folder: one per scenario.
        XDG_DATA_HOME: join(home, 'data'),
        XDG_CACHE_HOME: join(home, 'cache'),
        XDG_CONFIG_HOME: join(home, 'xdg-config'),
      };
  if (!installed) for (const d of ['config', 'data', 'cache', 'xdg-config']) mkdirSync(join(home, d), { recursive: true });
  const answers = join(home, 'dialog-answers.txt');
  if (dialogs) env.VORONKA_DIALOG_ANSWERS = answers;

  const log = join(home, 'driver.log');
  const fd = openSync(log, 'a');
  // A second window of the same scenario has a driver of its own, and a WebKitWebDriver of
  // its own behind it (tauri-driver's default native port is its port + 1).
  const driver = spawn(tauriDriver(), ['--port', String(port), '--native-port', String(port + 1)], {
    env,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const pidFile = process.env.VORONKA_E2E_RUN_DIR ? join(process.env.VORONKA_E2E_RUN_DIR, `${driver.pid}.pid`) : null;
  if (pidFile) writeFileSync(pidFile, String(driver.pid));

  let browser = null;
  const app = {
    home,
    dbPath,
    log,
    browser: null,
    /** When the session was asked for, i.e. when the app was started (Date.now()). */
    startedAt: 0,
    /** Milliseconds from asking for a session to having one (the app's window is up). */
    sessionMs: 0,
    /** The paths the next dialogs answer with, in turn (`''` cancels one); see `dialogs`. */
    answerDialogs(...paths) {
      if (!dialogs) throw new Error('launch the app with { dialogs: true } to answer its dialogs');
      appendFileSync(answers, paths.map((p) => `${p}\n`).join(''));
    },
    async close({ failed = false } = {}) {
      if (browser) {
        await within(browser.deleteSession(), 15_000, 'closing the session').catch(() => {});
        browser = null;
      }
      await stopGroup(driver.pid);
      if (pidFile) rmSync(pidFile, { force: true });
      if (failed) {
        mkdirSync(join(OUT, 'logs'), { recursive: true });
        try {
          copyFileSync(log, join(OUT, 'logs', `${name}-driver.log`));
        } catch {
          // Nothing was logged.
        }
      }
      if (!keep) rmSync(home, { recursive: true, force: true });
    },
  };

  try {
    await waitForDriver(driver, port);
    const started = Date.now();
    app.startedAt = started;
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryTimeout: 90_000,
      connectionRetryCount: 0,
      capabilities: {
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application, args: installed ? [] : ['--db', dbUrl ?? `sqlite:${dbPath}`] },
      },
    });
    app.sessionMs = Date.now() - started;
    app.browser = browser;
    const url = await browser.getUrl();
    if (!url.startsWith('tauri://')) {
      throw new Error(`the app opened ${url}: ${application} was built without --features custom-protocol`);
    }
    // No window manager under Xvfb: the window keeps its place and size unless told.
    await browser.setWindowRect(0, 0, 1920, 1080);
    return app;
  } catch (e) {
    keepFailedScreen();
    await app.close({ failed: true });
    throw e;
  }
}

/**
 * Runs `body(app)` against a fresh app and always tears it down. The driver's log is kept under
 * target/e2e/logs when the body fails.
 */
export async function withApp(options, body) {
  const app = await launch(options);
  let failed = true;
  try {
    await body(app);
    failed = false;
  } catch (e) {
    await keepEvidence(app, options.name ?? 'scenario');
    throw e;
  } finally {
    await app.close({ failed });
  }
}

/**
 * The screen at the scenario's first failure as target/e2e/failed-<scenario>.png, the name the
 * runner's summary gives. A later failure of the same scenario does not replace it.
 */
function keepFailedScreen() {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(failedShot(SCENARIO))) captureScreen(failedShot(SCENARIO));
}

/**
 * What the screen and the page showed when a scenario or a step failed, under target/e2e/logs
 * (and the first failure's screen as target/e2e/failed-<scenario>.png), while the app still runs.
 */
export async function keepEvidence(app, name) {
  keepFailedScreen();
  const dir = join(OUT, 'logs');
  mkdirSync(dir, { recursive: true });
  captureScreen(join(dir, `${name}-failure.png`));
  try {
    const page = await within(
      app.browser.execute(() => `${location.href}\n\n${document.body.innerText}`),
      10_000,
      'reading the page',
    );
    writeFileSync(join(dir, `${name}-page.txt`), page);
  } catch {
    // The session is gone.
  }
}

/**
 * Captures the X display into target/e2e/<file>. WebKitWebDriver's screenshot endpoint never
 * answered here (the request hangs), so the screen is taken from the X server instead.
 */
export async function screenshot(browser, file) {
  mkdirSync(OUT, { recursive: true });
  // Let the webview paint what the DOM already shows before the X server is read.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await sleep(300);
  const path = join(OUT, file);
  execFileSync('import', ['-window', 'root', path]);
  return path;
}
