import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../lib/app.mjs';
import { createDeal, firstStart } from '../lib/flows.mjs';
import { choose, click, fill, textOf, tid, waitFor, waitGone } from '../lib/ui.mjs';

const statusBadge = (status) =>
  `//*[@data-testid="deal-screen"]//*[contains(@class, "mantine-Badge-root")][normalize-space()="${status}"]`;

test('losing a deal without a reason is refused, with a reason it is lost', { timeout: 180_000 }, async () => {
  await withApp({ name: 'loss' }, async ({ browser }) => {
    await firstStart(browser, { name: 'Олена Коваль' });
    await createDeal(browser, { title: 'Генератор 5 кВт для СТО' });
    await waitFor(browser, statusBadge('Open'));

    // Asking to lose it: the store refuses without a reason and the UI asks for one.
    await choose(browser, tid('deal-stage-select'), 'Програно');
    const dialog = tid('loss-dialog');
    await waitFor(browser, dialog, { what: 'the loss dialog' });
    await waitFor(browser, statusBadge('Open'), { what: 'the deal still open while the reason is asked' });
    assert.equal(await (await waitFor(browser, tid('deal-stage-select'))).getValue(), 'Новий лід');

    // Submitting the dialog empty changes nothing: the store refuses again.
    await click(browser, tid('loss-submit'));
    // The button shows its loader until the store has answered.
    await waitGone(browser, `${tid('loss-submit')}[data-loading]`, { what: 'the loader of the empty submit' });
    await waitFor(browser, dialog, { what: 'the loss dialog after an empty submit' });
    await waitFor(browser, statusBadge('Open'), { what: 'the deal still open after an empty reason' });

    const reason = await waitFor(browser, tid('loss-reason'));
    await reason.click();
    const listbox = `[aria-labelledby="${await reason.getAttribute('id')}-label"]`;
    const first = await waitFor(browser, `${listbox} [role="option"]`, { what: 'a loss reason' });
    const reasonName = await textOf(browser, first);
    await first.click();
    assert.equal(await reason.getValue(), reasonName);
    const comment = await browser.$(`//*[@data-testid="loss-dialog"]//textarea`);
    await fill(browser, comment, 'Обрали дешевший китайський аналог');
    await click(browser, tid('loss-submit'));

    await waitGone(browser, dialog, { what: 'the loss dialog after giving a reason' });
    await waitFor(browser, statusBadge('Lost'), { what: 'the «Lost» badge' });
    assert.equal(await (await waitFor(browser, tid('deal-stage-select'))).getValue(), 'Програно');
  });
});
