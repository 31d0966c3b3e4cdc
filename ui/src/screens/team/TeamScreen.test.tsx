import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { ConnectionCard, TeamMember, User } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { appInfo, me, rightsOf } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { TeamScreen } from './TeamScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const user = (id: string, name: string, over: Partial<User> = {}): User => ({
  ...me,
  id,
  name,
  email: `${id}@firm.ua`,
  ...over,
});
const admin = user('admin-1', 'Ірина Адмін', { role: 'admin' });
const head = user('head-1', 'Тарас Керівник', { role: 'head' });
const manager = user('manager-1', 'Олена Коваль', { role: 'manager' });
const member = (u: User, login: string | null): TeamMember => ({ user: u, login, must_change_password: false });
const card: ConnectionCard = { host: 'db.firm.ua', port: 5432, database: 'crm', login: 'olena', password: 'Kx7pQ2mZ9aRt4vBn8cWd' };

const team = { ...appInfo, backend: 'postgres', user: admin, rights: rightsOf('admin') };

describe('TeamScreen', () => {
  it('lists everyone with role, state and login', async () => {
    vi.mocked(commands.teamMembers).mockResolvedValue(
      ok([member(admin, 'iryna'), member(manager, 'olena'), member(user('gone', 'Петро', { active: false }), null)]),
    );
    renderScreen(<TeamScreen />, { info: team });
    const rows = await screen.findAllByTestId('team-row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('Олена Коваль');
    expect(rows[1]).toHaveTextContent('olena');
    expect(rows[2]).toHaveTextContent('Inactive');
    expect(within(rows[2]!).getByTestId('reactivate')).toBeInTheDocument();
    expect(within(rows[0]!).queryByTestId('deactivate')).toBeNull();
  });

  it('adds a teammate and shows their card once, with a copy button', async () => {
    vi.mocked(commands.addTeammate).mockResolvedValue(ok({ user: manager, card }));
    renderScreen(<TeamScreen />, { info: team });
    await userEvent.click(await screen.findByTestId('add-teammate'));
    await userEvent.type(await screen.findByTestId('teammate-name'), 'Олена Коваль');
    await userEvent.type(screen.getByTestId('teammate-email'), 'olena@firm.ua');
    await userEvent.type(screen.getByTestId('teammate-phone'), '067 555 12 34');
    await userEvent.click(screen.getByTestId('add-teammate-submit'));
    await waitFor(() =>
      expect(commands.addTeammate).toHaveBeenCalledWith(
        expect.objectContaining({
          name: 'Олена Коваль',
          email: 'olena@firm.ua',
          phone: '067 555 12 34',
          role: 'manager',
          time_zone: 'Europe/Kyiv',
        }),
      ),
    );
    const shown = await screen.findByTestId('connection-card');
    for (const text of ['db.firm.ua', '5432', 'crm', 'olena', 'Kx7pQ2mZ9aRt4vBn8cWd']) expect(shown).toHaveTextContent(text);
    expect(screen.getByTestId('card-copy')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('card-close'));
    await waitFor(() => expect(screen.queryByText('Kx7pQ2mZ9aRt4vBn8cWd')).toBeNull());
  });

  it('offers the head only managers to add, change and deactivate', async () => {
    vi.mocked(commands.teamMembers).mockResolvedValue(ok([member(admin, 'iryna'), member(head, 'taras'), member(manager, 'olena')]));
    renderScreen(<TeamScreen />, { info: { ...team, user: head, rights: rightsOf('head') } });
    const rows = await screen.findAllByTestId('team-row');
    expect(within(rows[0]!).queryByTestId('deactivate')).toBeNull();
    expect(within(rows[1]!).queryByTestId('deactivate')).toBeNull();
    expect(within(rows[2]!).getByTestId('deactivate')).toBeInTheDocument();
    expect(within(rows[2]!).getByTestId('reset-password')).toBeInTheDocument();
    expect(within(rows[2]!).queryByTestId('member-role')).toBeNull();
    await userEvent.click(screen.getByTestId('add-teammate'));
    await userEvent.click(await screen.findByTestId('teammate-role'));
    // The dialog's choice of role is the last one opened (the table's rows have their own).
    const offered = within(screen.getAllByRole('listbox', { name: 'Role', hidden: true }).at(-1)!);
    expect(offered.getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual(['Manager']);
  });

  it("lets the head hand over a manager's or another head's clients, never their own", async () => {
    const other = user('head-2', 'Ганна Керівник', { role: 'head' });
    vi.mocked(commands.teamMembers).mockResolvedValue(ok([member(admin, 'iryna'), member(head, 'taras'), member(other, 'hanna'), member(manager, 'olena')]));
    renderScreen(<TeamScreen />, { info: { ...team, user: head, rights: rightsOf('head') } });
    const rows = await screen.findAllByTestId('team-row');
    expect(rows.map((r) => !!within(r).queryByTestId('member-handover'))).toEqual([false, false, true, true]);
    // Another head's row is not the head's to manage: only the handover is offered.
    expect(within(rows[2]!).queryByTestId('deactivate')).toBeNull();
    await userEvent.click(within(rows[3]!).getByTestId('member-handover'));
    expect(await screen.findByTestId('handover-dialog')).toBeInTheDocument();
    await waitFor(() => expect(commands.handoverPreview).toHaveBeenCalledWith({ kind: 'manager', user_id: 'manager-1' }));
  });

  it('deactivates at the version it read, and shows a refusal of the rights translated', async () => {
    vi.mocked(commands.teamMembers).mockResolvedValue(ok([member(admin, 'iryna'), member(manager, 'olena')]));
    vi.mocked(commands.setUserActive).mockResolvedValue(refuse('forbidden', 'user_id', 'a head may not change Олена'));
    renderScreen(<TeamScreen />, { info: team });
    const rows = await screen.findAllByTestId('team-row');
    await userEvent.click(within(rows[1]!).getByTestId('deactivate'));
    expect(commands.setUserActive).toHaveBeenCalledWith('manager-1', 1, false);
    expect(await screen.findByText(/Your role may not manage this user/)).toBeInTheDocument();
  });

  it('resets a password and shows the new card', async () => {
    vi.mocked(commands.teamMembers).mockResolvedValue(ok([member(admin, 'iryna'), member(manager, 'olena')]));
    vi.mocked(commands.resetPassword).mockResolvedValue(ok({ ...card, password: 'NewPass7wordHandedOver' }));
    renderScreen(<TeamScreen />, { info: team });
    const rows = await screen.findAllByTestId('team-row');
    await userEvent.click(within(rows[1]!).getByTestId('reset-password'));
    expect(await screen.findByTestId('connection-card')).toHaveTextContent('NewPass7wordHandedOver');
  });

  it('changes a role', async () => {
    vi.mocked(commands.teamMembers).mockResolvedValue(ok([member(admin, 'iryna'), member(manager, 'olena')]));
    vi.mocked(commands.changeRole).mockResolvedValue(ok({ ...manager, role: 'head' }));
    renderScreen(<TeamScreen />, { info: team });
    const rows = await screen.findAllByTestId('team-row');
    await userEvent.click(within(rows[1]!).getByTestId('member-role'));
    await userEvent.click(await screen.findByRole('option', { name: 'Head of sales', hidden: true }));
    expect(commands.changeRole).toHaveBeenCalledWith('manager-1', 1, 'head');
  });

  it('in a local file lists and adds users, with no logins or cards', async () => {
    vi.mocked(commands.teamMembers).mockResolvedValue(ok([member(admin, null), member(manager, null)]));
    renderScreen(<TeamScreen />, { info: { ...team, backend: 'sqlite' } });
    const rows = await screen.findAllByTestId('team-row');
    expect(screen.getByTestId('team-local-hint')).toBeInTheDocument();
    expect(within(rows[1]!).queryByTestId('reset-password')).toBeNull();
    expect(within(rows[1]!).queryByTestId('give-login')).toBeNull();
    expect(screen.queryByText('Login')).toBeNull();
    expect(screen.getByTestId('add-teammate')).toBeInTheDocument();
  });
});
