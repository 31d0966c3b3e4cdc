import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { withApp } from '../lib/app.mjs';
import { click, tid, waitFor, waitText } from '../lib/ui.mjs';

test('a database that cannot be opened is shown in the window with the ways out', { timeout: 120_000 }, async () => {
  // Another program's file where the database should be: the app used to quit, saying so on stderr.
  const dir = mkdtempSync(join(tmpdir(), 'voronka-e2e-not-a-db-'));
  const file = join(dir, 'voronka.db');
  writeFileSync(file, 'PK\x03\x04 a spreadsheet, not a database'.padEnd(4096, '.'));
  try {
    await withApp({ name: 'start-problem', db: file }, async ({ browser, dbPath }) => {
      await waitFor(browser, tid('start-problem'), { timeout: 30_000, what: 'the start-up problem screen' });
      await waitText(browser, tid('start-problem-database'), `sqlite:${dbPath}`);
      for (const way of ['start-retry', 'start-open-file', 'start-create-file']) await waitFor(browser, tid(way));
      assert.equal((await browser.$$(tid('start-work-locally'))).length, 0, 'a file offers no local file to fall back to');
      // Trying again finds the same file, and says so again instead of opening something else.
      await click(browser, tid('start-retry'));
      await waitFor(browser, tid('start-problem'));
      assert.equal((await browser.$$(tid('nav-today'))).length, 0, 'no screen of a database is shown');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
