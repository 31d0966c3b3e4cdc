import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { commands } from '../../api/commands';
import { ok } from '../../test/fakeCommands';
import { deal, me, task } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { TeamBoardScreen } from './TeamBoardScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

describe('TeamBoardScreen', () => {
  it("shows each manager's day side by side and opens a manager's Today", async () => {
    const olena = { ...me, id: 'u-olena', name: 'Олена Коваль' };
    vi.mocked(commands.teamBoard).mockResolvedValue(
      ok([
        {
          user: olena,
          overdue: [task('t1', 'Передзвонити Дах', { assignee_id: olena.id })],
          today: [task('t2', 'Зустріч у Львові'), task('t3', 'Надіслати КП')],
          tomorrow: [],
          deals_without_task: [deal('d1', 'Профнастил — Дах', 's1', 1_200_000, { without_task: true })],
          leads_waiting: 2,
        },
        { user: { ...me, id: 'u-ivan', name: 'Іван Шевчук' }, overdue: [], today: [], tomorrow: [], deals_without_task: [], leads_waiting: 0 },
      ]),
    );
    renderScreen(
      <>
        <TeamBoardScreen />
        <Where />
      </>,
      { route: '/board' },
    );

    const columns = await screen.findAllByTestId('board-manager');
    expect(columns.map((c) => c.getAttribute('data-user-id'))).toEqual(['u-olena', 'u-ivan']);
    const first = columns[0]!;
    expect(within(first).getByTestId('board-manager-name')).toHaveTextContent('Олена Коваль');
    expect(within(within(first).getByTestId('board-group-overdue')).getAllByTestId('task-item')).toHaveLength(1);
    expect(within(within(first).getByTestId('board-group-today')).getAllByTestId('task-item')).toHaveLength(2);
    expect(within(first).getByTestId('board-deal-without-task')).toHaveAttribute('href', '/deals/d1');
    expect(within(first).getByTestId('board-leads-waiting')).toHaveTextContent('2');

    await userEvent.click(within(first).getByTestId('board-open-today'));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/today/u-olena'));
  });
});
