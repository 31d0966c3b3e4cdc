import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot, withApp } from '../lib/app.mjs';
import { firstStart, nav } from '../lib/flows.mjs';
import { click, textOf, tid, waitAll, waitFor } from '../lib/ui.mjs';

test('first start with demo data lands on Today with grouped tasks; the main screens show it', { timeout: 240_000 }, async () => {
  await withApp({ name: 'today' }, async ({ browser }) => {
    await waitFor(browser, tid('first-start-form'), { timeout: 60_000 });
    await firstStart(browser, { name: 'Олена Демченко', demo: true });

    const groups = await waitAll(browser, `${tid('today-screen')} [data-testid^="task-group-"]`);
    let tasks = 0;
    for (const group of groups) {
      const { heading, badge, items, more } = await browser.execute(
        (g) => ({
          heading: g.querySelector('h4').textContent.trim(),
          badge: Number(g.querySelector('.mantine-Badge-root').textContent),
          items: g.querySelectorAll('[data-testid="task-item"]').length,
          more: g.querySelector('[data-testid="show-more"]')?.textContent ?? null,
        }),
        group,
      );
      assert.match(heading, /^(Overdue|Today|Tomorrow|Later)$/, 'a task group has no known heading');
      // A long group draws its first tasks and offers the rest.
      if (more === null) assert.equal(items, badge, `the "${heading}" badge counts ${badge}, the group lists ${items}`);
      else assert.equal(more, `Show all ${badge}`, `the "${heading}" group offers all ${badge} of its tasks`);
      tasks += items;
    }
    assert.ok(tasks > 0, 'the demo manager has no tasks on Today');
    const first = await waitFor(browser, `${tid('today-screen')} ${tid('task-item')}`);
    assert.ok((await textOf(browser, first)).length > 0, 'a task item shows no text');
    await waitFor(browser, `${tid('today-screen')} ${tid('task-complete')}`);

    await screenshot(browser, 'today.png');

    // The README's screenshots: the demo manager's board, one of their deals and a client.
    await nav(browser, 'deals');
    const cards = await waitAll(browser, `${tid('kanban')} ${tid('deal-card')}`, { min: 5 });
    assert.ok(cards.length >= 5, `the demo board shows only ${cards.length} deals`);
    await screenshot(browser, 'kanban.png');
    // By selector, not the element found above: the board may have re-rendered since.
    await click(browser, `${tid('kanban')} ${tid('deal-card')}`);
    await waitFor(browser, tid('deal-card-title'));
    await screenshot(browser, 'deal.png');

    await nav(browser, 'companies');
    await click(browser, `${tid('companies-table')} ${tid('company-row')}`);
    const name = await waitFor(browser, `${tid('company-screen')} h2`);
    assert.ok((await textOf(browser, name)).length > 0, 'the company card shows no name');
    await screenshot(browser, 'company.png');
  });
});
