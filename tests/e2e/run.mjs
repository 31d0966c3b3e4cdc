#!/usr/bin/env node
// Runs the end-to-end scenarios against the real app binary, one after another.
//
//   node tests/e2e/run.mjs [--build] [--no-scale] [filter ...]
//
// --build     build the UI and the app first (otherwise the existing target/debug/voronka is used)
// --no-scale  skip preparing the 100,000-deal database for the start-up measurement
// filter      run only scenario files whose name contains one of these words
//
// Outside an X server it re-runs itself under `xvfb-run -a dbus-run-session --`, so the whole
// suite shares one virtual display and one D-Bus session.

import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { captureScreen, failedShot, OUT } from './lib/paths.mjs';
import { SCALE_DB, SCALE_DEALS } from './lib/scale.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '../..');
// Cargo's output folder: CI points CARGO_TARGET_DIR outside the clone.
const TARGET = process.env.CARGO_TARGET_DIR || join(REPO, 'target');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const filters = args.filter((a) => !a.startsWith('--'));

const WEBKIT_ENV = {
  WEBKIT_DISABLE_COMPOSITING_MODE: '1',
  WEBKIT_DISABLE_DMABUF_RENDERER: '1',
  LIBGL_ALWAYS_SOFTWARE: '1',
};

function sh(cmd, cmdArgs, cwd) {
  console.log(`$ ${cmd} ${cmdArgs.join(' ')}`);
  execFileSync(cmd, cmdArgs, { cwd, stdio: 'inherit' });
}

function prepareScaleDb() {
  if (existsSync(SCALE_DB)) return;
  const cli = join(TARGET, 'release/voronka-cli');
  if (!existsSync(cli)) {
    console.log(`(no ${cli}: the start-up measurement will be skipped; build it with cargo build --release -p voronka-cli)`);
    return;
  }
  mkdirSync(dirname(SCALE_DB), { recursive: true });
  // Written under another name first: an interrupted load must not pass for a finished one.
  const partial = `${SCALE_DB}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  console.log(`creating ${SCALE_DB} (${SCALE_DEALS} deals, a few minutes, done once)`);
  sh(cli, ['--db', `sqlite:${partial}`, 'demo', '--scale', String(SCALE_DEALS)], REPO);
  // Fold the write-ahead log in, so a copy of the one file is the whole database.
  execFileSync('python3', ['-c', 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.execute("PRAGMA journal_mode=DELETE"); c.close()', partial]);
  renameSync(partial, SCALE_DB);
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
}

if (process.env.VORONKA_E2E_WRAPPED !== '1') {
  if (flag('--build')) {
    sh('npm', ['run', 'build'], join(REPO, 'ui'));
    sh('cargo', ['build', '-p', 'voronka', '--features', 'custom-protocol'], REPO);
  }
  if (!process.env.VORONKA_E2E_APP) {
    // Other builds share target/debug: a plain `cargo build` there replaces the binary with one
    // that loads the dev server. The suite runs a copy taken right after its own build.
    const built = join(TARGET, 'debug/voronka');
    if (!existsSync(built)) {
      console.error(`${built} is missing: run \`make e2e\` or node tests/e2e/run.mjs --build`);
      process.exit(2);
    }
    const copy = join(REPO, 'target/e2e/bin/voronka');
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(built, copy);
    process.env.VORONKA_E2E_APP = copy;
  }
  if (!flag('--no-scale') && (filters.length === 0 || filters.some((f) => '09-startup-100k'.includes(f)))) prepareScaleDb();
  const child = spawn(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1920x1080x24 -nolisten tcp', 'dbus-run-session', '--', process.execPath, fileURLToPath(import.meta.url), ...args],
    { stdio: ['inherit', 'pipe', 'pipe'], env: { ...process.env, ...WEBKIT_ENV, VORONKA_E2E_WRAPPED: '1' } },
  );
  // The session bus and the desktop portals it starts for the app chatter on stderr about
  // services this headless session does not have; everything else passes through.
  const noise = /dbus-daemon|xdg-desktop-portal|pw\.conf|SpiRegistry|Ignoring invalid max threads|^\s*$/;
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    createInterface({ input: from }).on('line', (line) => {
      if (!noise.test(line)) to.write(`${line}\n`);
    });
  }
  // 'close', not 'exit': the last lines (the totals) may still be in the pipes at exit.
  const [code] = await once(child, 'close');
  process.exit(code ?? 1);
}

// --- inside the virtual display ----------------------------------------------------------------

const started = Date.now();
const runDir = mkdtempSync(join(tmpdir(), 'voronka-e2e-run-'));
process.env.VORONKA_E2E_RUN_DIR = runDir;

/** tauri-driver groups a scenario could not stop itself (its process was killed mid-way). */
function stopLeftovers() {
  for (const f of readdirSync(runDir)) {
    const pid = Number(readFileSync(join(runDir, f), 'utf8'));
    if (pid > 0) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  rmSync(runDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopLeftovers();
    process.exit(130);
  });
}

const scenarioDir = join(HERE, 'scenarios');
const files = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort()
  .map((f) => join(scenarioDir, f));
if (files.length === 0) {
  console.error(`no scenario matches ${filters.join(' ')}`);
  process.exit(2);
}

// A screen kept by an earlier run would pass for this run's failure.
mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) {
  if (/^failed-.*\.png$/.test(f)) rmSync(join(OUT, f), { force: true });
}

let passed = 0;
let skipped = 0;
/** The failed scenarios: file name, test name and the screen kept at the failure. */
const failures = [];
const stream = run({ files, concurrency: 1 });
stream.on('test:pass', (d) => {
  if (d.nesting !== 0) return;
  if (d.skip) skipped += 1;
  else passed += 1;
});
stream.on('test:fail', (d) => {
  if (d.nesting !== 0) return;
  const scenario = basename(d.file ?? d.name, '.test.mjs');
  const shot = failedShot(scenario);
  // The scenario keeps its own screen before it stops its app; one that ran out of time did
  // not get there, and its app is still up now.
  if (!existsSync(shot)) captureScreen(shot);
  failures.push({ scenario, name: d.name, shot: existsSync(shot) ? relative(REPO, shot) : null });
});
const out = stream.compose(new spec());
out.pipe(process.stdout);
await finished(out);
stopLeftovers();

console.log(`e2e run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
for (const f of failures) {
  console.log(`failed: ${f.scenario} (${f.name})${f.shot ? `, screen at the failure: ${f.shot}` : ''}`);
}
if (skipped) console.log(`${skipped} skipped`);
const failed = failures.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
