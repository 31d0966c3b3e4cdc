import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../lib/app.mjs';
import { firstStart, nav } from '../lib/flows.mjs';
import { click, fill, tid, waitAll, waitFor, waitText } from '../lib/ui.mjs';

test('the Team screen of a local file adds a teammate, without a login, and deactivates them', { timeout: 180_000 }, async () => {
  await withApp({ name: 'team-local' }, async ({ browser }) => {
    await firstStart(browser, { name: 'Олена Коваль', language: 'English' });
    // The one user of a local file is its admin: the Team screen is in the navigation.
    await nav(browser, 'team');
    await waitText(browser, tid('team-local-hint'), 'no login');
    await click(browser, tid('add-teammate'));
    await fill(browser, tid('teammate-name'), 'Петро Іванів');
    await fill(browser, tid('teammate-email'), 'petro@firm.ua');
    await click(browser, tid('add-teammate-submit'));
    const rows = await waitAll(browser, tid('team-row'), { min: 2 });
    assert.equal(rows.length, 2, 'the admin and the new teammate');
    assert.equal((await browser.$$(tid('connection-card'))).length, 0, 'a local file hands over no card');
    const petro = `//*[@data-testid="team-row"][contains(., "Петро Іванів")]`;
    // The admin chooses a teammate's role in the row itself.
    const role = await waitFor(browser, `${petro}//input[@data-testid="member-role"]`);
    assert.equal(await role.getValue(), 'Manager');
    await click(browser, `${petro}//*[@data-testid="deactivate"]`);
    await waitText(browser, petro, 'Inactive');
    await waitFor(browser, `${petro}//*[@data-testid="reactivate"]`);
  });
});
