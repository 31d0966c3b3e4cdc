import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import { ok, refuse } from '../../test/fakeCommands';
import { appInfo } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { CreateTeamDatabaseDialog } from './CreateTeamDatabaseDialog';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

async function fill() {
  await userEvent.type(await screen.findByTestId('create-team-host'), 'db.firm.ua');
  await userEvent.clear(screen.getByTestId('create-team-database'));
  await userEvent.type(screen.getByTestId('create-team-database'), 'crm');
  await userEvent.type(screen.getByTestId('create-team-password'), 'server-secret');
  await userEvent.type(screen.getByTestId('create-team-name'), 'Ірина Адмін');
  await userEvent.type(screen.getByTestId('create-team-email'), 'iryna@firm.ua');
  await userEvent.click(screen.getByTestId('create-team-submit'));
}

// Typing eight fields character by character outlasts the default 5 s on a busy two-core machine.
const TYPING = 20_000;

describe('CreateTeamDatabaseDialog', () => {
  it('sends the server role and the first admin, then closes', async () => {
    const onClose = vi.fn();
    vi.mocked(commands.createTeamDatabase).mockResolvedValue(ok({ ...appInfo, backend: 'postgres', must_change_password: true }));
    renderScreen(<CreateTeamDatabaseDialog opened onClose={onClose} />);
    await fill();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(commands.createTeamDatabase).toHaveBeenCalledWith(
      { host: 'db.firm.ua', port: 5432, database: 'crm', user: 'postgres', tls_mode: 'prefer', root_cert: null },
      'server-secret',
      expect.objectContaining({ name: 'Ірина Адмін', email: 'iryna@firm.ua', role: 'admin', language: 'en' }),
    );
  }, TYPING);

  it('shows a role that may not create roles as a translated refusal on the database', async () => {
    vi.mocked(commands.createTeamDatabase).mockResolvedValue(refuse('forbidden', 'db', 'this role cannot set a team database up'));
    renderScreen(<CreateTeamDatabaseDialog opened onClose={() => {}} />);
    await fill();
    expect(await screen.findByText(/This login may not set up or update the team database/)).toBeInTheDocument();
    expect(screen.getByTestId('create-team-database')).toHaveAttribute('aria-invalid', 'true');
  }, TYPING);
});
