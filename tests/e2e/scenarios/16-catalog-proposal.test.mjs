import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Key } from 'webdriverio';
import { keepEvidence, screenshot, withApp } from '../lib/app.mjs';
import { createCompany, createContact, createDeal, firstStart, nav } from '../lib/flows.mjs';
import { byLabel, choose, click, eventually, fill, optionXPath, tid, waitFor, waitGone, waitText } from '../lib/ui.mjs';

const COMPANY = 'ТОВ Будмайстер';
const TITLE = 'Дах складу Будмайстер';
const PRODUCTS = [
  { name: 'Профнастил ПС-20', sku: 'PS20', unit: 'м²', price: '320', stock: '100', lead: '7', search: 'профн' },
  { name: 'Саморіз покрівельний', sku: 'SR-48', unit: 'шт', price: '1.5', stock: '5000', lead: '3', search: 'SR-4' },
];
const tab = (name) => `//*[@role="tab"][normalize-space()="${name}"]`;

/** A day as DD.MM.YYYY, `back` days before today. */
function day(back) {
  const d = new Date(Date.now() - back * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

/** Types into a percent input, whose text keeps its " %" suffix. */
async function fillPercent(browser, selector, value) {
  const el = await waitFor(browser, selector);
  await el.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(['Backspace']);
  await el.addValue(value);
  const got = await el.getValue();
  assert.equal(got.replace(/\s*%$/, ''), value, `typed ${value} into ${selector}`);
}

/** Every file under `dir`, however deep. */
function filesUnder(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? out.concat(filesUnder(path)) : out.concat([path]);
  }
  return out;
}

test('the catalog, a deal of its items, a payment paid on a chosen day and a proposal read back', { timeout: 420_000 }, async (t) => {
  await withApp({ name: 'catalog-proposal' }, async (app) => {
    const { browser } = app;
    const step = (name, label, body) =>
      t.test(name, () => body().catch(async (e) => {
        await keepEvidence(app, `catalog-proposal-${label}`);
        throw e;
      }));
    // An empty database without the demo: its one user is the admin.
    await firstStart(browser, { name: 'Ольга Адмін' });

    await step('the admin adds two products in the Catalog', 'catalog', async () => {
      await nav(browser, 'catalog');
      for (const p of PRODUCTS) {
        await click(browser, tid('new-product'));
        await fill(browser, tid('product-name'), p.name);
        await fill(browser, tid('product-sku'), p.sku);
        await fill(browser, tid('product-unit'), p.unit);
        await fill(browser, tid('product-price'), p.price);
        await fill(browser, tid('product-stock'), p.stock);
        await fill(browser, tid('product-lead-time'), p.lead);
        await click(browser, tid('product-submit'));
        await waitGone(browser, tid('product-dialog'), { what: `the product dialog of ${p.name} after saving` });
        await waitText(browser, tid('catalog-table'), p.name);
      }
      await screenshot(browser, 'catalog.png');
    });

    await step('the admin fills the proposal template in Settings', 'template', async () => {
      await nav(browser, 'settings');
      await click(browser, tid('settings-tab-proposal'));
      await fill(browser, tid('template-company'), 'ТОВ «Покрівля Захід»');
      await fill(browser, tid('template-requisites'), 'ЄДРПОУ 12345678, м. Львів');
      await fill(browser, tid('template-terms'), 'Поставка за 5 робочих днів після оплати.');
      await fill(browser, tid('template-validity'), '10');
      await fillPercent(browser, tid('template-vat'), '20');
      await click(browser, tid('template-submit'));
      await waitText(browser, 'body', 'The proposal template is saved');
      await browser.execute((s) => document.querySelector(s).scrollIntoView(), tid('proposal-template'));
      await screenshot(browser, 'proposal-template.png');
    });

    await step('a company, its contact and a deal for it', 'deal', async () => {
      await createCompany(browser, { name: COMPANY, city: 'Львів' });
      await createContact(browser, { name: 'Іван Петренко', company: COMPANY });
      await createDeal(browser, { title: TITLE });
      const card = tid('deal-screen');
      await choose(browser, `${card} ${tid('deal-company')}`, COMPANY, { search: 'Будмайстер' });
      await choose(browser, await byLabel(browser, card, 'Contacts'), 'Іван Петренко');
      await click(browser, `${card} ${tid('deal-form-submit')}`);
      await waitFor(browser, `//*[@data-testid="deal-screen"]//a[normalize-space()="${COMPANY}"]`, {
        what: 'the deal card naming its company after saving',
      });
    });

    await step('both products picked from the catalog with their prices; a quantity and a discount edited', 'items', async () => {
      await click(browser, tab('Items'));
      const items = tid('deal-items');
      for (const p of PRODUCTS) {
        await fill(browser, tid('product-picker'), p.search);
        await click(browser, optionXPath(`${p.name} · ${p.sku}`));
        await eventually(async () => (await (await waitFor(browser, tid('item-new-price'))).getValue()) === p.price, {
          describe: async () => `the price of ${p.name} was not filled in from the catalog`,
        });
        await fill(browser, await byLabel(browser, items, 'Qty'), p.name.startsWith('Проф') ? '10' : '200');
        await click(browser, tid('add-item-submit'));
        await waitText(browser, `${items} table`, p.name);
      }
      // 10 × 320 → 12 × 320 − 10 % = 3 456; and 200 × 1.50 = 300.
      await click(browser, `(//*[@data-testid="item-edit"])[1]`);
      await fill(browser, tid('item-quantity'), '12');
      await fillPercent(browser, tid('item-discount'), '10');
      await click(browser, tid('item-submit'));
      await waitGone(browser, tid('item-dialog'));
      await waitText(browser, tid('items-total'), /3[\s\u00a0\u202f,.]?756/);
      await click(browser, tid('amount-from-items'));
      await waitText(browser, tid('deal-screen'), /3[\s\u00a0\u202f,.]?756/);
      await screenshot(browser, 'deal-items.png');
    });

    await step('a payment planned, then paid on a chosen day', 'payment', async () => {
      await click(browser, tab('Payments'));
      const payments = tid('deal-payments');
      await fill(browser, await byLabel(browser, payments, 'Amount'), '3756');
      await fill(browser, await byLabel(browser, payments, 'Planned date'), day(0));
      await browser.keys(['Escape']);
      await click(browser, tid('plan-payment-submit'));
      await waitFor(browser, tid('payment-row'));
      await click(browser, tid('mark-paid'));
      const paidOn = await waitFor(browser, tid('paid-on-date'));
      await fill(browser, paidOn, day(2));
      // Tab, not Escape: Escape would close the dialog along with the calendar.
      await browser.keys(['Tab']);
      await click(browser, tid('paid-on-submit'));
      await waitGone(browser, tid('paid-on-dialog'));
      await waitText(browser, tid('payment-row'), 'Paid');
      // The paid date shown is the day chosen, not today.
      const paid = new Date(Date.now() - 2 * 86_400_000);
      const month = new Intl.DateTimeFormat('en', { month: 'short' }).format(paid);
      await waitText(browser, tid('payment-row'), new RegExp(`(${month} ${paid.getDate()}\\b|\\b${paid.getDate()} ${month})`));
    });

    await step('a proposal made, listed on the card, and its PDF read back', 'proposal', async () => {
      await click(browser, tab('Documents'));
      await click(browser, tid('make-proposal'));
      await waitText(browser, tid('deal-documents'), '.pdf');
      await waitText(browser, tid('deal-documents'), '.xlsx');
      await click(browser, `//*[@data-testid="document-open"][contains(., ".pdf")]`);
      const pdf = await eventually(
        async () => filesUnder(join(app.home, 'cache')).find((f) => f.endsWith('.pdf')) ?? null,
        { describe: async () => 'the opened proposal was not written to the cache folder' },
      );
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      for (const expected of [COMPANY, 'ТОВ «Покрівля Захід»', ...PRODUCTS.map((p) => p.name), '3 456,00 ₴', '300,00 ₴', '3 756,00 ₴']) {
        assert.ok(text.includes(expected), `the proposal's PDF does not say «${expected}»:\n${text}`);
      }
    });
  });
});
