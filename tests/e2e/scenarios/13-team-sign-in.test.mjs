import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../lib/app.mjs';
import { teamDatabase, teamSkip } from '../lib/team.mjs';
import { click, fill, tid, waitFor, waitText } from '../lib/ui.mjs';

const skip = teamSkip();

test(
  "a manager signs in to the team database with the admin's card: no name asked, their own password first",
  { timeout: 180_000, skip: skip ?? false },
  async () => {
    const team = teamDatabase('signin');
    try {
      const card = team.addUser('Олена Коваль', `olena.${Date.now().toString(36)}@firm.ua`, 'manager');
      await withApp({ name: 'team-sign-in', dbUrl: team.urlOf(card) }, async ({ browser }) => {
        await waitFor(browser, tid('change-password-form'), { timeout: 30_000 });
        assert.equal((await browser.$$(tid('first-start-form'))).length, 0, 'the login says who she is');
        await waitText(browser, tid('change-password-form'), 'Олена Коваль');
        await fill(browser, tid('new-password'), 'short');
        await fill(browser, tid('repeat-password'), 'short');
        await click(browser, tid('change-password-submit'));
        // The app speaks the language saved on her user: the CLI's default, Ukrainian.
        await waitText(browser, tid('change-password-form'), 'Пароль має містити щонайменше 10 символів');
        await fill(browser, tid('new-password'), 'Olena-own-password');
        await fill(browser, tid('repeat-password'), 'Olena-own-password');
        await click(browser, tid('change-password-submit'));
        await waitFor(browser, tid('today-screen'), { timeout: 30_000 });
        assert.equal((await browser.$$(tid('nav-team'))).length, 0, 'a manager does not manage the team');
      });
    } finally {
      team.drop();
    }
  },
);
