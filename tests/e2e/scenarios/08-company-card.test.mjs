import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot, withApp } from '../lib/app.mjs';
import { createCompany, createContact, firstStart, nav } from '../lib/flows.mjs';
import { choose, click, fill, tid, waitFor, waitText } from '../lib/ui.mjs';

test('a company card with its contact and deal', { timeout: 180_000 }, async () => {
  await withApp({ name: 'company' }, async ({ browser }) => {
    await firstStart(browser, { name: 'Олена Коваль' });
    const company = await createCompany(browser, {
      name: 'ТОВ Ромашка',
      city: 'Київ',
      phone: '+38 (067) 123-45-67',
      email: 'office@romashka.ua',
    });
    await createContact(browser, { name: 'Іван Петренко', company: 'ТОВ Ромашка' });

    await nav(browser, 'deals');
    await click(browser, tid('new-deal'));
    await fill(browser, tid('deal-title'), 'Насоси ЦНС — ТОВ Ромашка — Київ');
    await choose(browser, tid('deal-company'), 'ТОВ Ромашка', { search: 'Ромашка' });
    await fill(browser, tid('deal-amount'), '90000');
    await click(browser, tid('deal-form-submit'));
    await waitFor(browser, tid('deal-screen'));

    await browser.execute((r) => { location.hash = r; }, company);
    await waitText(browser, `${tid('company-screen')} h2`, 'ТОВ Ромашка');
    await waitText(browser, tid('company-screen'), 'Київ');
    assert.match(await (await waitFor(browser, tid('company-work-phone'))).getValue(), /067/);
    assert.equal(await (await waitFor(browser, tid('company-email'))).getValue(), 'office@romashka.ua');

    await click(browser, '//*[@role="tab"][normalize-space()="Contacts"]');
    await waitText(browser, tid('company-contact'), 'Іван Петренко');
    await click(browser, '//*[@role="tab"][normalize-space()="Deals"]');
    await waitText(browser, tid('company-deal'), 'Насоси ЦНС');
    await screenshot(browser, 'company-new.png');
  });
});
