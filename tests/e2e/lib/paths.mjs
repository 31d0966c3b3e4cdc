import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Screenshots, the large demo database and the logs of failed scenarios. */
export const OUT = join(REPO, 'target/e2e');

/**
 * The scenario this process runs, from its file name ("03-kanban-won"): Node's test runner
 * starts one process per scenario file with the file as its script.
 */
export const SCENARIO = basename(process.argv[1] ?? 'scenario', '.test.mjs');

/** The screen at a scenario's first failure, taken before its app is stopped. */
export const failedShot = (scenario) => join(OUT, `failed-${scenario}.png`);

/** Captures the X display into `path`; false when there is no display to capture. */
export function captureScreen(path) {
  try {
    mkdirSync(dirname(path), { recursive: true });
    execFileSync('import', ['-window', 'root', path], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}
