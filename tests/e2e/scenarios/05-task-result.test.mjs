import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../lib/app.mjs';
import { firstStart } from '../lib/flows.mjs';
import { click, eventually, fieldErrors, fill, tid, waitFor, waitGone, waitText } from '../lib/ui.mjs';

test('completing a task with "+" is refused, with a real result it is done', { timeout: 240_000 }, async () => {
  await withApp({ name: 'task' }, async ({ browser }) => {
    await firstStart(browser, { name: 'Олена Демченко', demo: true });

    const item = await waitFor(browser, `${tid('today-screen')} ${tid('task-item')}`, { what: 'a task on Today' });
    const taskId = await item.getAttribute('data-task-id');
    const taskSel = `${tid('today-screen')} [data-task-id="${taskId}"]`;
    await click(browser, `${taskSel} ${tid('task-complete')}`);

    const dialog = tid('complete-task-dialog');
    await waitFor(browser, dialog);
    await fill(browser, tid('task-result'), '+');
    await click(browser, tid('complete-task-submit'));
    await eventually(async () => (await fieldErrors(browser, dialog)).some((e) => /Write what came of it/.test(e)), {
      describe: async () => `errors shown: ${JSON.stringify(await fieldErrors(browser, dialog))}`,
    });
    await waitFor(browser, dialog, { what: 'the dialog still open after "+"' });
    assert.equal(await (await waitFor(browser, tid('task-result'))).isEnabled(), true, 'the task was completed with "+"');

    const result = 'Клієнт погодив КП, рахунок виставлено, оплата до пʼятниці';
    await fill(browser, tid('task-result'), result);
    const addNext = await waitFor(browser, tid('task-add-next'));
    const nextTitle = 'Перевірити оплату рахунку';
    if (await addNext.isSelected()) await fill(browser, tid('next-task-title'), nextTitle);
    const planned = await addNext.isSelected();
    await click(browser, tid('complete-task-submit'));

    await waitGone(browser, dialog, { what: 'the dialog after a real result' });
    await eventually(async () => (await browser.$$(taskSel)).length === 0, {
      describe: async () => `task ${taskId} is still listed on Today`,
    });
    if (planned) await waitText(browser, tid('today-screen'), nextTitle);
  });
});
