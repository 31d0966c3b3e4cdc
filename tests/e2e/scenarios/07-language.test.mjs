import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../lib/app.mjs';
import { firstStart, nav } from '../lib/flows.mjs';
import { choose, tid, waitText } from '../lib/ui.mjs';

test('switching the language in Settings changes the UI text', { timeout: 180_000 }, async () => {
  await withApp({ name: 'language' }, async ({ browser }) => {
    await firstStart(browser, { name: 'Олена Коваль', language: 'English' });
    await waitText(browser, tid('nav-today'), 'Today');
    await nav(browser, 'settings');
    await waitText(browser, `${tid('settings-screen')} h2`, 'Settings');

    await choose(browser, tid('settings-language'), 'Українська');
    await waitText(browser, tid('nav-today'), 'Сьогодні');
    await waitText(browser, tid('nav-deals'), 'Угоди');
    await waitText(browser, `${tid('settings-screen')} h2`, 'Налаштування');
    assert.equal(await browser.execute(() => document.documentElement.lang), 'uk');

    await choose(browser, tid('settings-language'), 'English');
    await waitText(browser, tid('nav-today'), 'Today');
    await waitText(browser, `${tid('settings-screen')} h2`, 'Settings');
  });
});
