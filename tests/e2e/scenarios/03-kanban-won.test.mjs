import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepEvidence, screenshot, withApp } from '../lib/app.mjs';
import { addDealItem, createCompany, createContact, createDeal, firstStart, nav } from '../lib/flows.mjs';
import { byLabel, choose, click, drag, eventually, fieldErrors, fill, textOf, tid, waitFor, waitGone, waitText } from '../lib/ui.mjs';

const TITLE = 'Насоси ЦНС для ТОВ Ромашка';
const card = `//*[@data-testid="deal-card"][contains(., "${TITLE}")]`;
const column = (stage) => tid(`column-${stage}`);
const statusBadge = (status) =>
  `//*[@data-testid="deal-screen"]//*[contains(@class, "mantine-Badge-root")][normalize-space()="${status}"]`;
const cardIn = (stage) => `//*[@data-testid="column-${stage}"]//*[@data-testid="deal-card"][contains(., "${TITLE}")]`;

async function columnCount(browser, stage) {
  return Number(await textOf(browser, await waitFor(browser, `${column(stage)} ${tid('column-count')}`)));
}

/** Scrolls the board so `stage` is its leftmost column: the board is wider than the window. */
async function scrollBoardTo(browser, stage) {
  // An instant scroll (the board sets no smooth scrolling); the drag measures after the next frame.
  await browser.executeAsync((sel, done) => {
    document.querySelector(sel).scrollIntoView({ inline: 'start', block: 'nearest' });
    requestAnimationFrame(() => requestAnimationFrame(() => done()));
  }, column(stage));
}

test('a deal dragged across the board to the won stage, filling what each stage requires', { timeout: 240_000 }, async (t) => {
  await withApp({ name: 'kanban' }, async (app) => {
    const { browser } = app;
    // A failed step does not end the scenario; what it left on screen is kept for reading.
    const step = (name, label, body) =>
      t.test(name, () => body().catch(async (e) => {
        await keepEvidence(app, `kanban-${label}`);
        throw e;
      }));
    await firstStart(browser, { name: 'Олена Коваль' });
    await createCompany(browser, { name: 'ТОВ Ромашка', city: 'Київ', phone: '+38 (067) 123-45-67' });
    await createContact(browser, { name: 'Іван Петренко', company: 'ТОВ Ромашка' });
    await createDeal(browser, { title: TITLE });
    // The won stage needs items; they are added on the deal's card, not in its form.
    await addDealItem(browser, { name: 'Насос ЦНС 38-44', quantity: 2, price: 45000 });

    await nav(browser, 'deals');
    await waitFor(browser, cardIn('Новий лід'), { what: 'the new deal in «Новий лід»' });

    await step('a refused drop opens the deal form; saving the required fields completes the move', 'form', async () => {
      await drag(browser, await waitFor(browser, card), await waitFor(browser, column('Зустріч')));
      const dialog = tid('deal-edit-dialog');
      await waitFor(browser, dialog, { what: 'the deal form after dropping on «Зустріч»' });
      const errors = await fieldErrors(browser, dialog);
      assert.ok(errors.some((e) => /Fill this in/.test(e)), `no required-field error in the form: ${JSON.stringify(errors)}`);
      assert.equal(await columnCount(browser, 'Зустріч'), 0, 'the deal entered «Зустріч» without its fields');

      await choose(browser, `${dialog} ${tid('deal-company')}`, 'ТОВ Ромашка', { search: 'Ромашка' });
      await choose(browser, await byLabel(browser, dialog, 'Contacts'), 'Іван Петренко');
      await fill(browser, `${dialog} ${tid('deal-amount')}`, '90000');
      await click(browser, `${dialog} ${tid('deal-form-submit')}`);

      await waitGone(browser, dialog, { what: 'the deal form after saving the required fields' });
      await waitFor(browser, cardIn('Зустріч'), { what: 'the deal in «Зустріч» after saving its form' });
    });

    await step('dragged on to «Успішно», the deal is won', 'won', async () => {
      // When the save above did not finish the move, the fields are saved all the same: the
      // person closes the form and drops the deal again, as they would in the app.
      if ((await browser.$$(tid('deal-edit-dialog'))).length > 0) {
        await browser.keys(['Escape']);
        await waitGone(browser, tid('deal-edit-dialog'));
        await drag(browser, await waitFor(browser, card), await waitFor(browser, column('Зустріч')));
        await waitFor(browser, cardIn('Зустріч'), { what: 'the deal in «Зустріч» on the second drop' });
      }

      await scrollBoardTo(browser, 'Зустріч');
      await drag(browser, await waitFor(browser, card), await waitFor(browser, column('Успішно')));
      await waitFor(browser, cardIn('Успішно'), { what: 'the deal in «Успішно»' });
      await eventually(async () => (await columnCount(browser, 'Успішно')) === 1 && (await columnCount(browser, 'Зустріч')) === 0, {
        describe: async () => 'column counts did not follow the move',
      });
      await waitText(browser, `${column('Успішно')} ${tid('column-amount')}`, /90[\s,.\u00a0\u202f]?000/);
      await screenshot(browser, 'kanban-won.png');

      await click(browser, card);
      await waitText(browser, tid('deal-card-title'), TITLE);
      await waitFor(browser, statusBadge('Won'), { what: 'the «Won» badge on the deal card' });
      const stage = await waitFor(browser, tid('deal-stage-select'));
      assert.equal(await stage.getValue(), 'Успішно');
      await screenshot(browser, 'deal-won.png');
    });
  });
});
