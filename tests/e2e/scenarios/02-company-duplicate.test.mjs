import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../lib/app.mjs';
import { createCompany, createContact, firstStart, nav } from '../lib/flows.mjs';
import { click, eventually, fieldErrors, fill, textOf, tid, waitFor, waitText } from '../lib/ui.mjs';

const OWNER = 'Олена Коваль';

test('a company with a phone, its contact, and a refused duplicate by another spelling of the phone', { timeout: 180_000 }, async () => {
  await withApp({ name: 'duplicate' }, async ({ browser }) => {
    await firstStart(browser, { name: OWNER });
    await createCompany(browser, { name: 'ТОВ Ромашка', city: 'Київ', phone: '+38 (067) 123-45-67' });
    const companyRoute = await browser.execute(() => location.hash);
    await createContact(browser, { name: 'Іван Петренко', company: 'ТОВ Ромашка' });
    await waitText(browser, tid('contact-screen'), 'Іван Петренко');

    // The company's card lists the new contact.
    await browser.execute((r) => { location.hash = r; }, companyRoute);
    await click(browser, '//*[@role="tab"][normalize-space()="Contacts"]');
    await waitText(browser, tid('company-contact'), 'Іван Петренко');

    await nav(browser, 'companies');
    await click(browser, tid('new-company'));
    await fill(browser, tid('company-name'), 'Ромашка Плюс');
    await fill(browser, tid('company-work-phone'), '067 123 45 67');

    // Rule 6 while typing: the existing client and whose it is.
    const warning = await waitText(browser, tid('duplicate-warning'), 'ТОВ Ромашка');
    assert.match(warning, new RegExp(`owned by ${OWNER}`), 'the duplicate warning does not name the owner');

    await click(browser, tid('company-form-submit'));
    await eventually(async () => (await fieldErrors(browser, tid('company-form'))).length > 0, {
      describe: async () => 'no field error after submitting the duplicate',
    });
    const errors = await fieldErrors(browser, tid('company-form'));
    assert.ok(
      errors.some((e) => /already exists/.test(e)),
      `the refusal is not shown under a field: ${JSON.stringify(errors)}`,
    );
    const dialog = await waitFor(browser, tid('new-company-dialog'));
    assert.match(await textOf(browser, dialog), new RegExp(OWNER), 'the refused form does not name the owner');
    assert.match(await browser.execute(() => location.hash), /#\/companies$/, 'the duplicate was saved and opened');

    await browser.keys(['Escape']);
    await eventually(async () => {
      const text = await textOf(browser, await waitFor(browser, tid('companies-screen')));
      return text.includes('ТОВ Ромашка') && !text.includes('Ромашка Плюс');
    }, { describe: async () => 'the companies list is not just the first company' });
  });
});
