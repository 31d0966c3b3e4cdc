import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { screenshot, withApp } from '../lib/app.mjs';
import { createCompany, firstStart, nav } from '../lib/flows.mjs';
import { CLI } from '../lib/team.mjs';
import { click, eventually, textOf, tid, waitFor, waitText } from '../lib/ui.mjs';

// Companies from a CSV that Excel saved in Ukrainian Windows (Windows-1251, `;` between
// columns), through the wizard in the real window: the mapping suggested from the Ukrainian
// header, a dry run's totals and the bad row's error before anything is written, the import,
// the companies list in correct Cyrillic, and the refused rows saved as a workbook that the
// CLI (calamine) reads back with its reason column.

const FILE = [
  'Назва;Телефон;Email;Місто',
  'Ромашка;+380671110001;romashka@example.com;Київ',
  'Дах;;;Львів',
  'Берег;0671110003;не пошта;Одеса',
  'Ґанок і Їжак;0671110004;yizhak@example.com;Житомир',
  'Євросвіт;0671110005;;Черкаси',
].join('\r\n');
const IMPORTED = ['Ромашка', 'Ґанок і Їжак', 'Євросвіт'];

/** Windows-1251, as Excel writes a Ukrainian CSV: Node has no encoder of its own for it. */
function cp1251(text) {
  const extra = { Ё: 0xa8, ё: 0xb8, Є: 0xaa, є: 0xba, І: 0xb2, і: 0xb3, Ї: 0xaf, ї: 0xbf, Ґ: 0xa5, ґ: 0xb4 };
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (ch in extra) return extra[ch];
      throw new Error(`${ch} has no Windows-1251 byte here`);
    }),
  );
}

const total = async (browser, scope, name) => textOf(browser, await waitFor(browser, `${tid(scope)} ${tid(`import-total-${name}`)}`));

test('a Windows-1251 CSV of companies comes in through the import wizard', { timeout: 180_000 }, async () => {
  await withApp({ name: 'import-wizard', dialogs: true }, async (app) => {
    const { browser } = app;
    await waitFor(browser, tid('first-start-form'), { timeout: 60_000 });
    await firstStart(browser, { name: 'Олена Коваль' });
    await createCompany(browser, { name: 'Дах', city: 'Львів' });
    const began = Date.now();

    const csv = join(app.home, 'клієнти.csv');
    writeFileSync(csv, cp1251(FILE));
    app.answerDialogs(csv);
    await nav(browser, 'companies');
    await click(browser, tid('import-companies'));
    await click(browser, tid('import-choose-file'));
    await waitFor(browser, tid('import-mapping'));
    await waitText(browser, tid('import-file-info'), 'CSV · windows-1251 · delimiter ;');
    const columns = [];
    for (const c of await browser.$$(tid('import-column'))) columns.push(await textOf(browser, c));
    assert.deepEqual(columns, ['Назва', 'Телефон', 'Email', 'Місто'], 'the header is read as Cyrillic');
    const fields = [];
    for (const f of await browser.$$(tid('import-column-field'))) fields.push(await f.getValue());
    assert.deepEqual(fields, ['Company name *', 'Phone', 'E-mail', 'City'], 'the mapping suggested from the header');

    await click(browser, tid('import-next'));
    await waitFor(browser, tid('import-duplicates'));
    await click(browser, tid('import-next'));
    await waitFor(browser, tid('import-preview'), { timeout: 30_000 });
    assert.equal(await total(browser, 'import-preview', 'rows'), '5');
    assert.equal(await total(browser, 'import-preview', 'new'), '3');
    assert.equal(await total(browser, 'import-preview', 'duplicates'), '1', 'Дах in Львів is already there');
    assert.equal(await total(browser, 'import-preview', 'refused'), '1');
    const bad = await waitText(browser, `${tid('import-preview-row')}[data-status="refused"]`, 'E-mail:');
    assert.match(bad, /Берег/, bad);
    assert.match(bad, /не пошта/, `the row's error names the bad value: ${bad}`);
    await screenshot(browser, 'import-preview.png');

    await click(browser, tid('import-start'));
    await waitFor(browser, tid('import-result'), { timeout: 30_000 });
    assert.equal(await total(browser, 'import-result', 'new'), '3');
    assert.equal(await total(browser, 'import-result', 'refused'), '1');

    const refused = join(app.home, 'відмовлені.xlsx');
    app.answerDialogs(refused);
    await click(browser, tid('import-save-refused'));
    await waitFor(browser, tid('import-refused-saved'));
    assert.ok(existsSync(refused), 'the refused rows are written where the save dialog said');
    // The refused file is one to fix and import again: the CLI reads it as the app would.
    const back = JSON.parse(
      execFileSync(CLI, ['--db', `sqlite:${app.dbPath}`, 'import', refused, '--kind', 'companies', '--dry-run', '--json'], {
        encoding: 'utf8',
      }),
    );
    assert.deepEqual(back.header, ['Назва', 'Телефон', 'Email', 'Місто', 'Row', 'Reason'], JSON.stringify(back.header));
    const [row] = back.preview;
    assert.equal(row.cells[0], 'Берег');
    assert.equal(row.cells[4], '4', 'the row it was in the file');
    assert.match(row.cells[5], /^email: .*не пошта/, `the reason: ${row.cells[5]}`);

    await click(browser, tid('import-close'));
    await eventually(
      async () => {
        const text = await textOf(browser, await waitFor(browser, tid('companies-table')));
        return IMPORTED.every((n) => text.includes(n)) && !text.includes('Берег');
      },
      { timeout: 15_000, describe: async () => textOf(browser, await waitFor(browser, tid('companies-table'))) },
    );
    await screenshot(browser, 'import-done.png');
    console.log(`import wizard: file to list in ${Date.now() - began} ms`);
  });
});
