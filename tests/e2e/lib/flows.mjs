// Steps several scenarios share, done the way a person does them in the UI.

import assert from 'node:assert/strict';
import { byLabel, choose, click, fill, tid, waitFor, waitText } from './ui.mjs';

/** Seconds, not milliseconds: the demo loads 2,000 deals on the first start. */
const DEMO_TIMEOUT = 120_000;

/**
 * The first-start form: a name, the UI language (chosen explicitly so no scenario depends on
 * the machine's locale) and optionally the demo data. Ends on the Today screen.
 */
export async function firstStart(browser, { name, language = 'English', demo = false, timeout } = {}) {
  await fill(browser, tid('first-start-name'), name);
  await choose(browser, tid('first-start-language'), language);
  if (demo) {
    const box = await waitFor(browser, tid('first-start-demo'));
    if (!(await box.isSelected())) await box.click();
    assert.equal(await box.isSelected(), true, 'the demo checkbox did not tick');
  }
  await click(browser, tid('first-start-submit'));
  return waitFor(browser, tid('today-screen'), { timeout: timeout ?? (demo ? DEMO_TIMEOUT : 30_000) });
}

export async function nav(browser, screen) {
  await click(browser, tid(`nav-${screen}`));
  return waitFor(browser, tid(`${screen}-screen`));
}

/** Creates a company from the Companies screen; ends on its card. Returns the card's route. */
export async function createCompany(browser, { name, city = '', phone = '', email = '' }) {
  await nav(browser, 'companies');
  await click(browser, tid('new-company'));
  await fill(browser, tid('company-name'), name);
  if (city) await fill(browser, tid('company-city'), city);
  if (phone) await fill(browser, tid('company-work-phone'), phone);
  if (email) await fill(browser, tid('company-email'), email);
  await click(browser, tid('company-form-submit'));
  await waitText(browser, `${tid('company-screen')} h2`, name);
  return browser.execute(() => location.hash);
}

/** Creates a contact of `company` from the Contacts screen; ends on the contact's card. */
export async function createContact(browser, { name, company, phone = '' }) {
  await nav(browser, 'contacts');
  await click(browser, tid('new-contact'));
  await fill(browser, tid('contact-name'), name);
  await choose(browser, await byLabel(browser, tid('contact-form'), 'Company'), company, {
    search: company.split(' ').pop(),
  });
  if (phone) {
    const phones = await waitFor(browser, tid('contact-phones'));
    await phones.setValue(phone);
    // A tags input keeps what was typed only once it is turned into a tag.
    await browser.keys(['Enter']);
  }
  await click(browser, tid('contact-form-submit'));
  await waitFor(browser, tid('contact-screen'));
  await waitText(browser, tid('contact-screen'), name);
}

/** Creates a deal with only a title from the Deals screen; ends on the deal's card. */
export async function createDeal(browser, { title }) {
  await nav(browser, 'deals');
  await click(browser, tid('new-deal'));
  await fill(browser, tid('deal-title'), title);
  await click(browser, tid('deal-form-submit'));
  await waitText(browser, tid('deal-card-title'), title);
  return browser.execute(() => location.hash);
}

/** Adds a line to the deal open on screen (Items tab). */
export async function addDealItem(browser, { name, quantity, price }) {
  await click(browser, `//*[@role="tab"][normalize-space()="Items"]`);
  const items = tid('deal-items');
  await fill(browser, await byLabel(browser, items, 'Product'), name);
  await fill(browser, await byLabel(browser, items, 'Qty'), String(quantity));
  await fill(browser, await byLabel(browser, items, 'Price'), String(price));
  await click(browser, tid('add-item-submit'));
  await waitText(browser, `${items} table`, name);
}
