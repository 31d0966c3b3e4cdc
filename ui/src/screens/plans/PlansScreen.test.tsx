import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { Plan, User } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { appInfo, me, rightsOf } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { PlansScreen } from './PlansScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const year = new Date().getFullYear();
const march = `${year}-03`;
const april = `${year}-04`;
const petro: User = { ...me, id: 'user-2', name: 'Петро Шевчук' };

const plan = (user: string | null, month: string, revenue: number, version = 1): Plan => ({
  id: `${user ?? 'team'}-${month}`,
  created_at: 0,
  updated_at: 0,
  version,
  deleted_at: null,
  user_id: user,
  month,
  revenue_target: revenue,
  currency: 'UAH',
  calls_target: 0,
  meetings_target: 0,
});

const cell = (row: number, month: string) => screen.getByTestId(`plan-cell-${row}-${month}`) as HTMLInputElement;

function answer(plans: Plan[]) {
  vi.mocked(commands.plansBetween).mockResolvedValue(ok(plans));
  vi.mocked(commands.listUsers).mockResolvedValue(ok([me, petro]));
}

describe('PlansScreen', () => {
  it('is a sheet of the team and each person by month, saved as one block', { timeout: 20_000 }, async () => {
    answer([plan(null, march, 30_000_000, 2), plan(me.id, march, 18_000_000, 5)]);
    vi.mocked(commands.savePlans).mockResolvedValue(ok({ plans: [] }));
    renderScreen(<PlansScreen />, { info: { ...appInfo, rights: rightsOf('head') } });

    // The team first, then people by name: Оксана (me), Петро.
    await waitFor(() => expect(cell(0, march)).toHaveValue('300,000'));
    expect(cell(1, march)).toHaveValue('180,000');
    expect(screen.getByTestId(`plans-total-${march}`)).toHaveTextContent('180,000');

    // Enter goes down to the next person, as in a spreadsheet.
    const february = `${year}-02`;
    await userEvent.click(cell(1, february));
    await userEvent.keyboard('50000{Enter}');
    expect(document.activeElement).toBe(cell(2, february));
    await userEvent.click(cell(2, march));
    await userEvent.keyboard('120 000');
    expect(screen.getByTestId(`plans-total-${march}`)).toHaveTextContent('300,000');

    // A block copied from a spreadsheet fills from the cell it is pasted into.
    fireEvent.paste(cell(1, april), { clipboardData: { getData: () => '200000\t210000\n100000\t110000\n' } });
    expect(cell(2, `${year}-05`)).toHaveValue('110,000');

    await userEvent.click(screen.getByTestId('plans-save'));
    await waitFor(() => expect(commands.savePlans).toHaveBeenCalledTimes(1));
    const cells = vi.mocked(commands.savePlans).mock.calls[0]![0];
    expect(cells).toHaveLength(6);
    expect(cells).toContainEqual({
      user_id: 'user-2', month: march, revenue_target: 12_000_000, calls_target: 0, meetings_target: 0, version: null,
    });
    expect(cells).toContainEqual(expect.objectContaining({ user_id: me.id, month: april, revenue_target: 20_000_000 }));
  });

  it('copies last month into a month, and shows a refused cell', async () => {
    answer([plan(null, march, 30_000_000, 2), plan(me.id, march, 18_000_000, 5)]);
    vi.mocked(commands.savePlans).mockResolvedValue(refuse('invalid', 'cells[1].revenue_target', 'too much'));
    renderScreen(<PlansScreen />, { info: { ...appInfo, rights: rightsOf('admin') } });
    await waitFor(() => expect(cell(0, march)).toHaveValue('300,000'));

    await userEvent.click(screen.getByTestId(`plans-copy-${april}`));
    expect(cell(0, april)).toHaveValue('300,000');
    expect(cell(1, april)).toHaveValue('180,000');

    await userEvent.click(screen.getByTestId('plans-save'));
    expect(await screen.findByTestId('plans-refused')).toHaveTextContent('This value is not valid: too much');
    expect(cell(1, april)).toHaveAttribute('aria-invalid', 'true');
  });

  it('marks what is not a number and will not save it', { timeout: 20_000 }, async () => {
    answer([]);
    renderScreen(<PlansScreen />, { info: { ...appInfo, rights: rightsOf('head') } });
    await waitFor(() => expect(cell(0, march)).toBeInTheDocument());
    await userEvent.type(cell(0, march), '12,3,4');
    await userEvent.tab();
    expect(cell(0, march)).toHaveValue('12,3,4');
    expect(cell(0, march)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('plans-save')).toBeDisabled();
  });

  it('is read-only for a manager', async () => {
    answer([plan(null, march, 30_000_000)]);
    renderScreen(<PlansScreen />, { info: { ...appInfo, rights: rightsOf('manager') } });
    await waitFor(() => expect(cell(0, march)).toHaveValue('300,000'));
    expect(cell(0, march)).toHaveAttribute('readonly');
    expect(screen.queryByTestId('plans-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId(`plans-copy-${april}`)).not.toBeInTheDocument();
  });
});
