import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../lib/app.mjs';
import { createCompany, firstStart, nav } from '../lib/flows.mjs';
import { click, fill, textOf, tid, waitFor, waitText } from '../lib/ui.mjs';

test('quick search by a phone fragment finds the company', { timeout: 180_000 }, async () => {
  await withApp({ name: 'search' }, async ({ browser }) => {
    await firstStart(browser, { name: 'Олена Коваль' });
    await createCompany(browser, { name: 'ТОВ Ромашка', city: 'Київ', phone: '+38 (067) 123-45-67' });
    await createCompany(browser, { name: 'ПП Волошка', city: 'Львів', phone: '+38 (050) 765-43-21' });
    await nav(browser, 'today');

    await fill(browser, tid('search-input'), '067');
    // Hits of a shorter text typed on the way ("0" finds both) stay on screen until the answer
    // to "067" comes: read them only once the list says it answers "067".
    const answered = `${tid('search-results')}[data-answers="067"]`;
    await waitFor(browser, answered, { what: 'the search results for "067"' });
    const hit = await waitText(browser, `${answered} ${tid('search-hit-company')}`, 'ТОВ Ромашка');
    assert.doesNotMatch(hit, /Волошка/);
    const texts = [];
    for (const h of await browser.$$(`${answered} ${tid('search-hit-company')}`)) texts.push(await textOf(browser, h));
    assert.ok(!texts.some((t) => t.includes('Волошка')), `"067" also found ${JSON.stringify(texts)}`);

    await click(browser, `//*[@data-testid="search-hit-company"][contains(., "ТОВ Ромашка")]`);
    await waitFor(browser, tid('company-screen'));
    await waitText(browser, `${tid('company-screen')} h2`, 'ТОВ Ромашка');
  });
});
