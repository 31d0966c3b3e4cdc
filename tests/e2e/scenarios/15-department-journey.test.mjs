import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Key } from 'webdriverio';
import { keepEvidence, screenshot, withApp } from '../lib/app.mjs';
import { createCompany, createContact, firstStart, nav } from '../lib/flows.mjs';
import {
  byLabel,
  choose,
  click,
  drag,
  eventually,
  fill,
  optionXPath,
  textOf,
  tid,
  waitAll,
  waitFor,
  waitGone,
  waitText,
} from '../lib/ui.mjs';

// A department's first weeks in one journey, on an empty database without the demo: the admin
// sets up a pipeline, dictionaries, the title template, this month's plans, the catalog and the
// proposal template; a deal of catalog items gets a proposal, a payment and is won; the
// dashboard then shows that fact against that plan.

const PIPELINE = 'Сервіс';
const STAGES = [
  { name: 'Заявка', kind: 'Open' },
  { name: 'Кошторис', kind: 'Open', requires: 'Amount' },
  { name: 'Виконано', kind: 'Won' },
  { name: 'Відмова', kind: 'Lost' },
];
const COMPANY = 'ТОВ Будмайстер';
const PRODUCT = 'Ремонт покрівлі';
const TITLE = `${COMPANY}: ${PRODUCT}`;
const PRODUCTS = [
  { name: 'Профнастил ПС-20', sku: 'PS20', unit: 'м²', price: '320', stock: '100', lead: '7', search: 'профн' },
  { name: 'Саморіз покрівельний', sku: 'SR-48', unit: 'шт', price: '1.5', stock: '5000', lead: '3', search: 'SR-4' },
];
// 12 × 320 − 10 % = 3 456 and 200 × 1.50 = 300.
const TOTAL = /3[\s\u00a0\u202f,.]?756/;
const tab = (name) => `//*[@role="tab"][normalize-space()="${name}"]`;
const cardIn = (stage) => `//*[@data-testid="column-${stage}"]//*[@data-testid="deal-card"][contains(., "${TITLE}")]`;

/** This month as the plans grid names it ("YYYY-MM"). */
function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** A day as DD.MM.YYYY, `back` days before today. */
function day(back) {
  const d = new Date(Date.now() - back * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

/** Days back to the payment's chosen day: two, but never out of this month (the dashboard's). */
const PAID_BACK = Math.min(2, new Date().getDate() - 1);

async function settingsTab(browser, tab) {
  await click(browser, tid(`settings-tab-${tab}`));
}

async function addStage(browser, { name, kind, requires }) {
  await click(browser, tid('stage-add'));
  const dialog = tid('stage-dialog');
  await fill(browser, `${dialog} ${tid('stage-name')}`, name);
  if (kind !== 'Open') await choose(browser, `${dialog} ${tid('stage-kind')}`, kind);
  if (requires) {
    await choose(browser, `${dialog} ${tid('stage-required')}`, requires);
    // A multiple choice stays open for more; leaving it closes its list, which covers Save.
    await click(browser, `${dialog} ${tid('stage-name')}`);
    await waitGone(browser, '//*[@role="option"]', { what: 'the list of deal fields' });
  }
  await click(browser, `${dialog} ${tid('stage-save')}`);
  await waitGone(browser, dialog, { what: `the stage dialog of «${name}»` });
  await waitFor(browser, tid(`stage-row-${name}`));
}

async function addEntry(browser, name) {
  await fill(browser, tid('dictionary-new-entry'), name);
  await click(browser, tid('dictionary-add'));
  await waitFor(browser, tid(`dictionary-entry-${name}`), { what: `the new entry «${name}»` });
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

test('a department from an empty database to its first won deal against its own plan', { timeout: 720_000 }, async (t) => {
  await withApp({ name: 'department-journey' }, async (app) => {
    const { browser } = app;
    const step = (name, label, body) =>
      t.test(name, () =>
        body().catch(async (e) => {
          await keepEvidence(app, `department-${label}`);
          throw e;
        }),
      );
    // No demo: whoever starts an empty database is its admin.
    await firstStart(browser, { name: 'Адам Адмін' });

    await step('the admin gives the phone clients call, in Settings', 'contacts', async () => {
      await nav(browser, 'settings');
      await fill(browser, tid('my-phone'), '067 555 12 34');
      await click(browser, tid('my-contacts-save'));
      await waitText(browser, 'body', 'Your contacts are saved');
    });

    await step('the admin makes a pipeline of four stages, one requiring the amount', 'pipeline', async () => {
      await nav(browser, 'settings');
      await settingsTab(browser, 'pipelines');
      await waitFor(browser, tid('pipelines-settings'));
      await fill(browser, tid('new-pipeline-name'), PIPELINE);
      await click(browser, tid('new-pipeline-add'));
      await waitFor(browser, `${tid('stages-editor')}`);
      await eventuallyValue(browser, tid('setup-pipeline-select'), PIPELINE);
      for (const stage of STAGES) await addStage(browser, stage);
      const rows = await waitAll(browser, `${tid('stage-list')} ${tid('sortable-row')}`, { min: STAGES.length });
      const names = await Promise.all(rows.map((r) => textOf(browser, r)));
      STAGES.forEach((s, i) => assert.ok(names[i]?.startsWith(s.name), `stage ${i + 1} is ${s.name}: ${names}`));
      await waitText(browser, tid('stage-row-Кошторис'), 'Amount');
      await screenshot(browser, 'settings-pipelines.png');
    });

    await step('a loss reason and a lead source join their dictionaries', 'dictionaries', async () => {
      await settingsTab(browser, 'dictionaries');
      await waitFor(browser, tid('dictionaries-settings'));
      // Loss reasons come first, with the defaults a new department starts with.
      await waitFor(browser, tid('dictionary-entry-Price'));
      await addEntry(browser, 'Chose a cheaper roof');
      await choose(browser, tid('dictionary-select'), 'Lead sources');
      await waitFor(browser, tid('dictionary-entry-Website'));
      await addEntry(browser, 'Roofing fair');
      await screenshot(browser, 'settings-dictionaries.png');
    });

    await step('the deal title template is set in the process settings', 'process', async () => {
      await settingsTab(browser, 'process');
      await waitFor(browser, tid('process-settings-form'));
      await fill(browser, tid('process-title-template'), '{company}: {product}');
      await click(browser, tid('process-save'));
      await waitText(browser, '.mantine-Notification-root', 'Saved');
      await screenshot(browser, 'settings-process.png');
    });

    await step('the plans of this month are typed into the grid for the team and the admin', 'plans', async () => {
      const month = thisMonth();
      await nav(browser, 'plans');
      await fill(browser, tid(`plan-cell-0-${month}`), '300000');
      await fill(browser, tid(`plan-cell-1-${month}`), '250000');
      await click(browser, tid('plans-save'));
      await waitText(browser, '.mantine-Notification-root', 'Plans saved: 2');
      await waitText(browser, tid(`plans-total-${month}`), '250,000');
      await screenshot(browser, 'plans.png');
    });

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

    await step('a deal made in the new pipeline without a title is named by the template', 'deal', async () => {
      await createCompany(browser, { name: COMPANY, city: 'Львів' });
      await createContact(browser, { name: 'Іван Петренко', company: COMPANY });
      await nav(browser, 'deals');
      await choose(browser, tid('pipeline-select'), PIPELINE);
      await click(browser, tid('new-deal'));
      const dialog = tid('new-deal-dialog');
      await fill(browser, `${dialog} ${tid('deal-product')}`, PRODUCT);
      await choose(browser, `${dialog} ${tid('deal-company')}`, COMPANY, { search: 'Будмайстер' });
      await click(browser, `${dialog} ${tid('deal-form-submit')}`);
      await waitText(browser, tid('deal-card-title'), TITLE);
      const card = tid('deal-screen');
      await choose(browser, await byLabel(browser, card, 'Contacts'), 'Іван Петренко');
      await click(browser, `${card} ${tid('deal-form-submit')}`);
      // Saved, the contact is listed under the card's Contacts tab as a link to their card.
      await click(browser, tab('Contacts'));
      await waitFor(browser, `//*[@data-testid="deal-screen"]//a[normalize-space()="Іван Петренко"]`, {
        what: 'the deal card listing its contact after saving',
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
      await fill(browser, paidOn, day(PAID_BACK));
      // Tab, not Escape: Escape would close the dialog along with the calendar.
      await browser.keys(['Tab']);
      await click(browser, tid('paid-on-submit'));
      await waitGone(browser, tid('paid-on-dialog'));
      await waitText(browser, tid('payment-row'), 'Paid');
      // The paid date shown is the day chosen, not today.
      const paid = new Date(Date.now() - PAID_BACK * 86_400_000);
      const month = new Intl.DateTimeFormat('en', { month: 'short' }).format(paid);
      await waitText(browser, tid('payment-row'), new RegExp(`(${month} ${paid.getDate()}\\b|\\b${paid.getDate()} ${month})`));
    });

    await step('a proposal made, listed on the card, and its PDF read back', 'proposal', async () => {
      await click(browser, tab('Documents'));
      await click(browser, tid('make-proposal'));
      await waitText(browser, tid('documents'), '.pdf');
      await waitText(browser, tid('documents'), '.xlsx');
      await click(browser, `//*[@data-testid="document-open"][contains(., ".pdf")]`);
      const pdf = await eventually(
        async () => filesUnder(join(app.home, 'cache')).find((f) => f.endsWith('.pdf')) ?? null,
        { describe: async () => 'the opened proposal was not written to the cache folder' },
      );
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      const owner = ['Адам Адмін', '+380 67 555 12 34'];
      for (const expected of [COMPANY, 'ТОВ «Покрівля Захід»', ...PRODUCTS.map((p) => p.name), ...owner, '3 456,00 ₴', '300,00 ₴', '3 756,00 ₴']) {
        assert.ok(text.includes(expected), `the proposal's PDF does not say «${expected}»:\n${text}`);
      }
    });

    await step('dragged across the board, the deal is won: «Кошторис» takes it with its amount', 'won', async () => {
      await nav(browser, 'deals');
      await choose(browser, tid('pipeline-select'), PIPELINE);
      for (const stage of STAGES) await waitFor(browser, tid(`column-${stage.name}`));
      await waitFor(browser, cardIn('Заявка'), { what: 'the deal in «Заявка»' });
      await screenshot(browser, 'setup-kanban.png');
      await drag(browser, await waitFor(browser, cardIn('Заявка')), await waitFor(browser, tid('column-Кошторис')));
      await waitFor(browser, cardIn('Кошторис'), { what: 'the deal in «Кошторис», whose amount its items give' });
      await drag(browser, await waitFor(browser, cardIn('Кошторис')), await waitFor(browser, tid('column-Виконано')));
      await waitFor(browser, cardIn('Виконано'), { what: 'the deal in «Виконано»' });
      await waitText(browser, `${tid('column-Виконано')} ${tid('column-amount')}`, TOTAL);
    });

    await step("the dashboard shows the month's payment and won deal against the team's plan", 'dashboard', async () => {
      await nav(browser, 'reports');
      await waitFor(browser, tid('report-dashboard'), { timeout: 30_000 });
      await waitText(browser, tid('dashboard-plan'), /300[\s\u00a0\u202f,.]?000/);
      await waitText(browser, tid('dashboard-fact'), TOTAL);
      await waitText(browser, `${tid('report-table-plan_fact')} ${tid('report-totals')} [data-col="won"]`, TOTAL);
      await screenshot(browser, 'department-dashboard.png');
    });
  });
});

/** Waits until a Mantine Select shows `value`. */
async function eventuallyValue(browser, selector, value) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const el = await waitFor(browser, selector);
    if ((await el.getValue()) === value) return;
    if (Date.now() > deadline) throw new Error(`${selector} does not show ${value}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
