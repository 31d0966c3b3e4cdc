import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import { ok, refuse } from '../../test/fakeCommands';
import { appInfo } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { MoveToTeamDialog } from './MoveToTeamDialog';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

async function fill() {
  await userEvent.type(await screen.findByTestId('move-team-host'), 'db.firm.ua');
  await userEvent.clear(screen.getByTestId('move-team-database'));
  await userEvent.type(screen.getByTestId('move-team-database'), 'crm');
  await userEvent.type(screen.getByTestId('move-team-password'), 'server-secret');
  await userEvent.click(screen.getByTestId('move-team-submit'));
}

// Typing field by field outlasts the default 5 s on a busy two-core machine.
const TYPING = 20_000;

describe('MoveToTeamDialog', () => {
  it('sends the server role to move the file, then closes', async () => {
    const onClose = vi.fn();
    vi.mocked(commands.moveToTeam).mockResolvedValue(ok({ ...appInfo, backend: 'postgres', must_change_password: true }));
    renderScreen(<MoveToTeamDialog opened onClose={onClose} />);
    await fill();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(commands.moveToTeam).toHaveBeenCalledWith(
      { host: 'db.firm.ua', port: 5432, database: 'crm', user: 'postgres', tls_mode: 'prefer', root_cert: null },
      'server-secret',
    );
  }, TYPING);

  it('shows a database that is not empty as a refusal on the database name, and stays open', async () => {
    const onClose = vi.fn();
    vi.mocked(commands.moveToTeam).mockResolvedValue(
      refuse('not_empty', 'db', '«crm» is not empty: it already holds a Voronka team of 3 users'),
    );
    renderScreen(<MoveToTeamDialog opened onClose={onClose} />);
    await fill();
    expect(await screen.findByText(/This database is not empty/)).toBeInTheDocument();
    expect(screen.getByTestId('move-team-database')).toHaveAttribute('aria-invalid', 'true');
    expect(onClose).not.toHaveBeenCalled();
  }, TYPING);
});
