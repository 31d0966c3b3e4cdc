import { screen, within } from '@testing-library/react';
import { commands } from '../../api/commands';
import { deal, me, task } from '../../test/fixtures';
import { ok } from '../../test/fakeCommands';
import { renderScreen } from '../../test/render';
import { TodayScreen } from './TodayScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

describe('TodayScreen', () => {
  it('groups my tasks into overdue, today, tomorrow and later and flags deals without a task', async () => {
    vi.mocked(commands.today).mockResolvedValue(
      ok({
        overdue: [task('t1', 'Передзвонити Дах'), task('t2', 'Надіслати КП')],
        today: [task('t3', 'Зустріч у Львові', { kind: 'meeting' })],
        tomorrow: [],
        later: [task('t4', 'Нагадати про оплату')],
        deals_without_task: [deal('d1', 'Профнастил — Дах', 's1', 1_200_000)],
      }),
    );
    renderScreen(<TodayScreen />);

    const overdue = await screen.findByTestId('task-group-overdue');
    expect(within(overdue).getAllByTestId('task-item')).toHaveLength(2);
    expect(within(overdue).getByText('Передзвонити Дах')).toBeInTheDocument();
    expect(within(screen.getByTestId('task-group-today')).getByText('Зустріч у Львові')).toBeInTheDocument();
    expect(screen.queryByTestId('task-group-tomorrow')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('task-group-later')).getAllByTestId('task-item')).toHaveLength(1);
    expect(within(screen.getByTestId('deals-without-task')).getByText(/Профнастил — Дах/)).toBeInTheDocument();
  });

  it('says so when there is nothing to do', async () => {
    vi.mocked(commands.today).mockResolvedValue(
      ok({ overdue: [], today: [], tomorrow: [], later: [], deals_without_task: [] }),
    );
    renderScreen(<TodayScreen />);
    expect(await screen.findByTestId('today-empty')).toHaveTextContent('No open tasks');
    expect(screen.queryByTestId('deals-without-task')).not.toBeInTheDocument();
  });

  it("shows a teammate's day at /today/:userId, named, as the store gives it to the head", async () => {
    vi.mocked(commands.listUsers).mockResolvedValue(ok([{ ...me, id: 'u-olena', name: 'Олена Коваль' }]));
    vi.mocked(commands.todayOf).mockResolvedValue(
      ok({ overdue: [task('t1', 'Передзвонити Дах')], today: [], tomorrow: [], later: [], deals_without_task: [] }),
    );
    renderScreen(<TodayScreen />, { route: '/today/u-olena', path: '/today/:userId' });

    expect(await screen.findByTestId('today-title')).toHaveTextContent('Олена Коваль’s day');
    expect(within(screen.getByTestId('task-group-overdue')).getByText('Передзвонити Дах')).toBeInTheDocument();
    expect(commands.todayOf).toHaveBeenCalledWith('u-olena');
    expect(commands.today).not.toHaveBeenCalled();
  });

  it('shows a loading state before the answer', () => {
    vi.mocked(commands.today).mockReturnValue(new Promise(() => {}));
    renderScreen(<TodayScreen />);
    expect(screen.getByTestId('loading')).toBeInTheDocument();
  });
});
