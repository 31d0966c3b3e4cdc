import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { commands } from '../../api/commands';
import type { ReportView } from '../../api/types';
import { ok } from '../../test/fakeCommands';
import { me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { dashboardView, funnelView, olena } from '../../test/reportFixtures';
import { ReportsScreen } from './ReportsScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));
// jsdom has no canvas for ECharts: the charts' options are tested as data, here a click is stood in.
vi.mock('./charts/EChart', () => ({
  EChart: ({ testId, onItemClick }: { testId: string; onItemClick?: (c: { seriesIndex: number; dataIndex: number }) => void }) => (
    <button data-testid={testId} onClick={() => onItemClick?.({ seriesIndex: 0, dataIndex: 1 })} />
  ),
}));

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname + l.search}</div>;
}

function renderReports(route = '/reports') {
  return renderScreen(
    <Routes>
      <Route path="/reports" element={<ReportsScreen />} />
      <Route path="/reports/:name" element={<ReportsScreen />} />
      <Route path="*" element={<Where />} />
    </Routes>,
    { route },
  );
}

const empty: ReportView = { data: dashboardView.data, tables: [{ ...dashboardView.tables[0]!, rows: [], totals: null }] };

describe('ReportsScreen', () => {
  beforeEach(() => {
    // Wednesday 11 March 2026: the month is March, the week 9–15 March.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 11, 10));
    vi.mocked(commands.listUsers).mockResolvedValue(ok([me]));
    vi.mocked(commands.activeUsers).mockResolvedValue(ok([me]));
  });
  afterEach(() => vi.useRealTimers());

  it('opens on this month’s dashboard with its chart and table', async () => {
    vi.mocked(commands.report).mockResolvedValue(ok(dashboardView));
    renderReports();
    expect(await screen.findByTestId('chart-dashboard')).toBeInTheDocument();
    expect(screen.getByTestId('report-table-plan_fact')).toHaveTextContent(olena.name);
    expect(screen.getByText('8 of 22 working days')).toBeInTheDocument();
    expect(screen.getByTestId('dashboard-percent_of_plan')).toHaveTextContent('56.8 %');
    expect(screen.getByTestId('dashboard-forecast').textContent).toMatch(/430,000/);
    expect(commands.report).toHaveBeenCalledWith('dashboard', {
      from: '2026-03-01',
      to: '2026-03-31',
      pipeline_id: null,
      manager_id: null,
    });
  });

  it('asks for the picked report with its own period and the chosen manager', async () => {
    vi.mocked(commands.report).mockResolvedValue(ok(empty));
    renderReports();
    await userEvent.click(await screen.findByTestId('report-picker'));
    await userEvent.click(await screen.findByText('Weekly payment plan'));
    await waitFor(() =>
      expect(commands.report).toHaveBeenLastCalledWith('payment-plan', {
        from: '2026-03-09',
        to: '2026-03-15',
        pipeline_id: null,
        manager_id: null,
      }),
    );
    await userEvent.click(screen.getByTestId('report-manager'));
    await userEvent.click(await screen.findByText(me.name));
    await waitFor(() =>
      expect(commands.report).toHaveBeenLastCalledWith('payment-plan', {
        from: '2026-03-09',
        to: '2026-03-15',
        pipeline_id: null,
        manager_id: me.id,
      }),
    );
    await userEvent.click(screen.getByTestId('report-picker'));
    await userEvent.click(await screen.findByText('Funnel'));
    await waitFor(() =>
      expect(commands.report).toHaveBeenLastCalledWith('funnel', {
        from: '2026-03-01',
        to: '2026-03-31',
        pipeline_id: null,
        manager_id: me.id,
      }),
    );
  });

  it('takes the whole Monday–Sunday week of a day picked for the payment plan', async () => {
    vi.mocked(commands.report).mockResolvedValue(ok(empty));
    renderReports('/reports/payment-plan');
    expect(await screen.findByText('09/03/2026 – 15/03/2026')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('report-week'));
    // Thursday 19 March.
    // By label, not by role: a role query walks the whole calendar's accessibility tree and is slow.
    await userEvent.click(await screen.findByLabelText('19 March 2026'));
    await waitFor(() =>
      expect(commands.report).toHaveBeenLastCalledWith('payment-plan', {
        from: '2026-03-16',
        to: '2026-03-22',
        pipeline_id: null,
        manager_id: null,
      }),
    );
  });

  it('opens the deals of a stage and manager from a funnel number', async () => {
    vi.mocked(commands.report).mockResolvedValue(ok(funnelView));
    renderReports('/reports/funnel');
    const rows = within(await screen.findByTestId('report-table-funnel')).getAllByTestId('report-row');
    // Olena's "Proposal sent": 3 open now.
    await userEvent.click(within(rows[3]!.querySelector('[data-col="open_count"]') as HTMLElement).getByText('3'));
    // The open deals of the funnel's cohort: those created in the report's period.
    const asked = vi.mocked(commands.report).mock.lastCall![1];
    expect(screen.getByTestId('where')).toHaveTextContent(
      `/deals?pipeline=pipe-1&stage=stage-2&owner=user-2&status=open&created_from=${asked.from}&created_to=${asked.to}`,
    );
  });

  it('opens the deals of a stage from the funnel chart', async () => {
    vi.mocked(commands.report).mockResolvedValue(ok(funnelView));
    renderReports('/reports/funnel');
    // The stand-in chart clicks the team's second stage.
    await userEvent.click(await screen.findByTestId('chart-funnel'));
    expect(screen.getByTestId('where')).toHaveTextContent('/deals?pipeline=pipe-1&stage=stage-2&status=open&created_from=');
    expect(screen.getByTestId('where')).not.toHaveTextContent('owner=');
  });

  it('shows a loading state, then an empty state when the period has no figures', async () => {
    let answer: (v: Awaited<ReturnType<typeof commands.report>>) => void = () => {};
    vi.mocked(commands.report).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderReports('/reports/discipline');
    expect(await screen.findByTestId('loading')).toBeInTheDocument();
    answer(ok(empty));
    expect(await screen.findByTestId('report-empty')).toHaveTextContent('No figures for this period yet');
    expect(screen.queryByTestId('loading')).not.toBeInTheDocument();
  });
});
