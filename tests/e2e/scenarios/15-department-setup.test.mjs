import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepEvidence, screenshot, withApp } from '../lib/app.mjs';
import { createCompany, firstStart, nav } from '../lib/flows.mjs';
import { choose, click, fill, textOf, tid, waitAll, waitFor, waitGone, waitText } from '../lib/ui.mjs';

const PIPELINE = 'Сервіс';
const STAGES = [
  { name: 'Заявка', kind: 'Open' },
  { name: 'Кошторис', kind: 'Open', requires: 'Amount' },
  { name: 'Виконано', kind: 'Won' },
  { name: 'Відмова', kind: 'Lost' },
];

/** This month as the plans grid names it ("YYYY-MM"). */
function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

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

test('a department set up from an empty database: its pipeline, dictionaries, title template and plans', { timeout: 300_000 }, async (t) => {
  await withApp({ name: 'department-setup' }, async (app) => {
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

    await step('a deal made in the new pipeline without a title is named by the template', 'deal', async () => {
      await createCompany(browser, { name: 'ТОВ Дах', city: 'Львів' });
      await nav(browser, 'deals');
      await choose(browser, tid('pipeline-select'), PIPELINE);
      await click(browser, tid('new-deal'));
      const dialog = tid('new-deal-dialog');
      await fill(browser, `${dialog} ${tid('deal-product')}`, 'Ремонт покрівлі');
      await choose(browser, `${dialog} ${tid('deal-company')}`, 'ТОВ Дах', { search: 'Дах' });
      await click(browser, `${dialog} ${tid('deal-form-submit')}`);
      await waitText(browser, tid('deal-card-title'), 'ТОВ Дах: Ремонт покрівлі');
    });

    await step('the board of the new pipeline shows its stages with the deal in the first', 'board', async () => {
      await nav(browser, 'deals');
      for (const stage of STAGES) await waitFor(browser, tid(`column-${stage.name}`));
      await waitText(browser, tid('column-Заявка'), 'ТОВ Дах: Ремонт покрівлі');
      await screenshot(browser, 'setup-kanban.png');
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
