import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot, withApp } from '../lib/app.mjs';
import { firstStart, nav } from '../lib/flows.mjs';
import { choose, click, route, tid, waitAll, waitFor, waitText } from '../lib/ui.mjs';

/** Rows of a report table on screen, once the report has answered. */
async function tableRows(browser, table, { min = 1 } = {}) {
  return waitAll(browser, `${tid(`report-table-${table}`)} ${tid('report-row')}`, { min, timeout: 30_000 });
}

test('the reports on the demo data: dashboard, funnel and ABC/XYZ with their charts', { timeout: 300_000 }, async () => {
  await withApp({ name: 'reports' }, async ({ browser }) => {
    await waitFor(browser, tid('first-start-form'), { timeout: 60_000 });
    // The demo user is a manager and starts on Today; the head's start on the dashboard is a unit test.
    await firstStart(browser, { name: 'Олена Демченко', demo: true });
    await nav(browser, 'reports');

    await waitFor(browser, tid('report-dashboard'), { timeout: 30_000 });
    // ECharts draws into a canvas it adds to the chart's div.
    await waitFor(browser, `${tid('chart-dashboard')} canvas`);
    const managers = await tableRows(browser, 'plan_fact');
    assert.ok(managers.length >= 1, 'the dashboard lists no manager');
    await waitText(browser, `${tid('report-table-plan_fact')} ${tid('report-totals')}`, 'Team');
    await screenshot(browser, 'dashboard.png');

    await choose(browser, tid('report-picker'), 'Funnel');
    await waitFor(browser, tid('report-funnel'), { timeout: 30_000 });
    await waitFor(browser, `${tid('chart-funnel')} canvas`);
    await tableRows(browser, 'funnel');
    // Stage cells lead to the deals table filtered by that stage.
    await waitFor(browser, `${tid('report-table-funnel')} ${tid('report-link')}`);
    await screenshot(browser, 'funnel.png');
    // A team's open count leads to the open deals of that stage created in the report's period.
    await click(browser, `${tid('report-table-funnel')} ${tid('report-row')} [data-col="open_count"] ${tid('report-link')}`);
    await waitFor(browser, tid('deal-table-created'), { timeout: 30_000 });
    const to = await route(browser);
    assert.match(to, /status=open&created_from=\d{4}-\d{2}-\d{2}&created_to=\d{4}-\d{2}-\d{2}/, to);
    await waitFor(browser, `${tid('deal-table')}, ${tid('deals-empty')}`, { timeout: 30_000 });
    await nav(browser, 'reports');
    await waitFor(browser, tid('report-dashboard'), { timeout: 30_000 });

    await choose(browser, tid('report-picker'), 'ABC / XYZ');
    await waitFor(browser, tid('report-abc-xyz'), { timeout: 30_000 });
    const matrix = await tableRows(browser, 'matrix', { min: 9 });
    assert.equal(matrix.length, 9, 'the ABC/XYZ matrix has nine pairs');
    await waitFor(browser, `${tid('chart-abc-xyz')} canvas`);
    await screenshot(browser, 'abc-xyz.png');
  });
});
