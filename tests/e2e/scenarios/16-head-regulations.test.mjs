import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { keepEvidence, screenshot, withApp } from '../lib/app.mjs';
import { firstStart, nav } from '../lib/flows.mjs';
import { CLI } from '../lib/team.mjs';
import { byLabel, choose, click, eventually, fill, optionXPath, textOf, tid, waitFor, waitGone, waitText } from '../lib/ui.mjs';

// The head's regulations on one local file: an unanswered lead passes to the next manager of
// the rotation when the CLI steps the rotation at a later hour (a manual clock), and the head
// then hands that manager's work to a third one and sees it on the receiver's board.

const MANAGERS = ['Марія Коваль', 'Петро Іванів', 'Олег Сидоренко'];
const LEAD = 'Лід із сайту: дах 120 м²';
const column = (name) => `//*[@data-testid="board-manager"][.//*[@data-testid="board-manager-name"][normalize-space()="${name}"]]`;

async function addManager(browser, name, email) {
  await click(browser, tid('add-teammate'));
  await fill(browser, tid('teammate-name'), name);
  await fill(browser, tid('teammate-email'), email);
  await click(browser, tid('add-teammate-submit'));
  await waitFor(browser, `//*[@data-testid="team-row"][contains(., "${name}")]`);
}

/** The number a board column shows for its leads waiting. */
async function leadsWaiting(browser, name) {
  return Number((await textOf(browser, await waitFor(browser, `${column(name)}//*[@data-testid="board-leads-waiting"]`))).replace(/\D/g, ''));
}

async function openBoard(browser) {
  await click(browser, tid('nav-board'));
  await waitFor(browser, tid('board-screen'));
}

/**
 * Waits until `name`'s column shows `count` leads waiting. Another process (the CLI) may have
 * written the file: the board is opened afresh until it reads the change.
 */
async function boardShows(browser, name, count) {
  await eventually(
    async () => {
      await nav(browser, 'deals');
      await openBoard(browser);
      return (await leadsWaiting(browser, name)) === count;
    },
    {
      timeout: 30_000,
      describe: async () => `${name}'s column: ${await textOf(browser, await waitFor(browser, column(name)))}`,
    },
  );
}

test('a lead left unanswered passes on, and the head hands a manager\'s work to another', { timeout: 420_000 }, async (t) => {
  await withApp({ name: 'head-regulations' }, async (app) => {
    const { browser } = app;
    const step = (name, label, body) =>
      t.test(name, () =>
        body().catch(async (e) => {
          await keepEvidence(app, `regulations-${label}`);
          throw e;
        }),
      );
    await firstStart(browser, { name: 'Ганна Головна' });

    await step('the admin adds three managers and puts two of them in the lead rotation', 'rotation', async () => {
      await nav(browser, 'team');
      for (const [i, name] of MANAGERS.entries()) await addManager(browser, name, `manager${i}@firm.ua`);
      await nav(browser, 'settings');
      await click(browser, tid('settings-tab-process'));
      await waitFor(browser, tid('lead-rotation-form'));
      const enabled = await waitFor(browser, tid('rotation-enabled'));
      // A switch's input is drawn as its track: a click in the page turns it on.
      if (!(await enabled.isSelected())) {
        await browser.execute(() => document.querySelector('[data-testid="rotation-enabled"]').click());
      }
      await eventually(async () => enabled.isSelected(), { describe: async () => 'the rotation switch stays off' });
      // A multiple choice without search keeps its input hidden: a click on it reaches the box
      // around it, which opens the list. The list stays open for more: both are picked there.
      await browser.execute(() => {
        const input = document.querySelector('[data-testid="rotation-members"]');
        input.scrollIntoView({ block: 'center' });
        input.click();
      });
      await click(browser, optionXPath(MANAGERS[0]));
      await click(browser, optionXPath(MANAGERS[1]));
      await browser.keys(['Escape']);
      await click(browser, tid('rotation-save'));
      await waitText(browser, '.mantine-Notification-root', 'Saved');
    });

    await step("a new lead of Maria's waits on her column of the board", 'lead', async () => {
      await nav(browser, 'deals');
      await click(browser, tid('new-deal'));
      const form = tid('deal-form');
      await fill(browser, `${form} ${tid('deal-title')}`, LEAD);
      await choose(browser, await byLabel(browser, form, 'Manager'), MANAGERS[0]);
      await click(browser, `${form} ${tid('deal-form-submit')}`);
      await waitText(browser, tid('deal-card-title'), LEAD);
      await boardShows(browser, MANAGERS[0], 1);
      assert.equal(await leadsWaiting(browser, MANAGERS[1]), 0);
    });

    await step('an hour later (the CLI steps the rotation at that instant) the lead is Petro\'s', 'passes', async () => {
      const later = new Date(Date.now() + 3_600_000).toISOString();
      const handed = JSON.parse(
        execFileSync(CLI, ['--db', `sqlite:${app.dbPath}`, 'rotate-leads', '--at', later, '--json'], { encoding: 'utf8' }),
      );
      assert.equal(handed.length, 1, `one lead passes: ${JSON.stringify(handed)}`);
      assert.deepEqual([handed[0].deal_title, handed[0].from_name, handed[0].to_name], [LEAD, MANAGERS[0], MANAGERS[1]]);
      await boardShows(browser, MANAGERS[1], 1);
      assert.equal(await leadsWaiting(browser, MANAGERS[0]), 0, 'Maria no longer holds it');
    });

    await step("the head hands Petro's work to Oleh and sees it on Oleh's board", 'handover', async () => {
      await nav(browser, 'team');
      await click(browser, `//*[@data-testid="team-row"][contains(., "${MANAGERS[1]}")]//*[@data-testid="member-handover"]`);
      const dialog = await waitFor(browser, tid('handover-dialog'));
      await click(browser, `//*[@data-testid="handover-dialog"]//*[@data-testid="handover-receiver"][contains(., "${MANAGERS[2]}")]`);
      await eventually(async () => (await textOf(browser, await dialog.$(tid('handover-count-deals')))).trim() === '1', {
        describe: async () => `the preview: ${await textOf(browser, dialog)}`,
      });
      assert.ok(Number((await textOf(browser, await dialog.$(tid('handover-count-tasks')))).trim()) >= 1, 'the lead task moves too');
      await screenshot(browser, 'handover-preview.png');
      await click(browser, tid('handover-confirm'));
      await waitFor(browser, tid('handover-done'));
      await click(browser, tid('handover-close'));
      await waitGone(browser, tid('handover-dialog'));
      await boardShows(browser, MANAGERS[2], 1);
      assert.equal(await leadsWaiting(browser, MANAGERS[1]), 0, 'Petro holds nothing now');
      const tasks = await browser.$$(`${column(MANAGERS[2])}//*[@data-testid="task-item"]`);
      assert.ok(tasks.length >= 1, "the lead's task is on Oleh's column");
      await screenshot(browser, 'team-board.png');
      // His Today, as he sees it.
      await click(browser, `${column(MANAGERS[2])}//*[@data-testid="board-open-today"]`);
      await waitText(browser, tid('today-screen'), MANAGERS[2]);
      await waitFor(browser, `${tid('today-screen')} ${tid('task-item')}`);
    });
  });
});
