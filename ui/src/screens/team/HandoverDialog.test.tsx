import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { HandoverItem, User } from '../../api/types';
import { ok } from '../../test/fakeCommands';
import { me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { HandoverDialog } from './HandoverDialog';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const user = (id: string, name: string): User => ({ ...me, id, name });
const leaving = user('u-leaving', 'Петро Іваненко');
const olena = user('u-olena', 'Олена Коваль');
const ivan = user('u-ivan', 'Іван Шевчук');
const item = (id: string, title: string): HandoverItem =>
  ({ id, title, holder_id: leaving.id, company_id: null, contact_id: null, deal_id: null });

describe('HandoverDialog', () => {
  it("previews what a manager holds and shares it among the chosen receivers in turn", async () => {
    vi.mocked(commands.activeUsers).mockResolvedValue(ok([leaving, olena, ivan]));
    vi.mocked(commands.listUsers).mockResolvedValue(ok([leaving, olena, ivan]));
    vi.mocked(commands.handoverPreview).mockResolvedValue(
      ok({
        companies: [item('c1', 'ТОВ Дах'), item('c2', 'Фасад-Київ')],
        contacts: [item('p1', 'Марія Дах')],
        deals: [item('d1', 'Профнастил — Дах'), item('d2', 'Фасад'), item('d3', 'Склад')],
        tasks: [],
      }),
    );
    vi.mocked(commands.handover).mockResolvedValue(
      ok({
        moves: [],
        shares: [
          { receiver_id: olena.id, companies: 1, contacts: 1, deals: 2, tasks: 0 },
          { receiver_id: ivan.id, companies: 1, contacts: 0, deals: 1, tasks: 0 },
        ],
        deactivated: leaving.id,
      }),
    );
    renderScreen(<HandoverDialog scope={{ kind: 'manager', user_id: leaving.id }} onClose={() => {}} />);

    expect(await screen.findByTestId('handover-count-companies')).toHaveTextContent('2');
    expect(screen.getByTestId('handover-count-contacts')).toHaveTextContent('1');
    expect(screen.getByTestId('handover-count-deals')).toHaveTextContent('3');
    expect(screen.getByTestId('handover-count-tasks')).toHaveTextContent('0');
    expect(commands.handoverPreview).toHaveBeenCalledWith({ kind: 'manager', user_id: leaving.id });
    const receivers = await screen.findAllByTestId('handover-receiver');
    // The leaving manager cannot receive their own clients.
    expect(receivers.map((r) => r.getAttribute('data-user-id'))).toEqual([olena.id, ivan.id]);
    expect(screen.getByTestId('handover-confirm')).toBeDisabled();

    for (const r of receivers) await userEvent.click(r);
    expect(screen.getByTestId('handover-shared-note')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('handover-deactivate'));
    await userEvent.click(screen.getByTestId('handover-confirm'));

    expect(commands.handover).toHaveBeenCalledWith({ kind: 'manager', user_id: leaving.id }, [olena.id, ivan.id], true);
    const done = await screen.findByTestId('handover-done');
    expect(within(done).getAllByTestId('handover-share')[0]).toHaveTextContent('Олена Коваль: companies: 1, contacts: 1, deals: 2, tasks: 0');
    await waitFor(() => expect(within(done).getByTestId('handover-deactivated')).toHaveTextContent('Петро Іваненко'));
  });

  it('hands chosen companies over without offering to deactivate anyone', async () => {
    vi.mocked(commands.activeUsers).mockResolvedValue(ok([olena, ivan]));
    renderScreen(<HandoverDialog scope={{ kind: 'companies', company_ids: ['c1'] }} exclude={[olena.id]} onClose={() => {}} />);
    const receivers = await screen.findAllByTestId('handover-receiver');
    expect(receivers.map((r) => r.getAttribute('data-user-id'))).toEqual([ivan.id]);
    expect(screen.queryByTestId('handover-deactivate')).toBeNull();
  });
});
