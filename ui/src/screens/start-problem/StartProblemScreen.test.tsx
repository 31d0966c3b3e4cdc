import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { StartProblem, TeamConnection } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { appInfo } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { StartProblemScreen } from './StartProblemScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const team: TeamConnection = {
  host: 'db.voronka.ua',
  port: 5432,
  database: 'crm',
  user: 'olena',
  tls_mode: 'verify_full',
  root_cert: null,
};

const teamDown: StartProblem = {
  error: { code: 'unreachable', field: 'host', message: 'postgres://olena@db.voronka.ua:5432/crm: the server does not answer' },
  database: 'postgres://olena@db.voronka.ua:5432/crm',
  team,
};

const brokenFile: StartProblem = {
  error: { code: 'not_a_database', field: 'db', message: 'sqlite:/home/olena/voronka.db is not a database' },
  database: 'sqlite:/home/olena/voronka.db',
  team: null,
};

describe('StartProblemScreen', () => {
  it('says a login that is no active user is refused, and offers another connection', () => {
    const nobody: StartProblem = {
      error: { code: 'forbidden', field: 'user', message: 'the login «olena» belongs to no active user of this team database: ask its admin' },
      database: 'postgres://olena@db.voronka.ua:5432/crm',
      team,
    };
    renderScreen(<StartProblemScreen problem={nobody} />);
    const error = screen.getByTestId('start-problem-error');
    expect(error).toHaveTextContent('your login belongs to no active user (ask the admin)');
    expect(error).toHaveTextContent('«olena»');
    expect(screen.getByTestId('start-retry')).toBeInTheDocument();
  });

  it('says why the team database failed and offers to retry, the local file or another connection', async () => {
    vi.mocked(commands.retryStart).mockResolvedValue(ok({ state: 'problem', ...teamDown }));
    vi.mocked(commands.workLocally).mockResolvedValue(ok({ ...appInfo, team_waiting: team }));
    renderScreen(<StartProblemScreen problem={teamDown} />);

    expect(screen.getByText('The team database is unavailable')).toBeInTheDocument();
    expect(screen.getByTestId('start-problem-error')).toHaveTextContent('The database server does not answer');
    expect(screen.getByTestId('start-problem-database')).toHaveTextContent('postgres://olena@db.voronka.ua:5432/crm');
    expect(screen.queryByTestId('start-open-file')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('start-retry'));
    await waitFor(() => expect(commands.retryStart).toHaveBeenCalledTimes(1));
    await userEvent.click(screen.getByTestId('start-work-locally'));
    await waitFor(() => expect(commands.workLocally).toHaveBeenCalledTimes(1));

    // "Change the connection" is the Team database form, filled with the saved connection.
    expect(screen.queryByTestId('team-database-form')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('start-change-connection'));
    const form = await screen.findByTestId('team-database-form');
    expect(within(form).getByTestId('team-host')).toHaveValue('db.voronka.ua');
    expect(within(form).getByTestId('team-root-cert')).toBeInTheDocument();
    expect(within(form).queryByTestId('use-local')).not.toBeInTheDocument();
    vi.mocked(commands.connectTeam).mockResolvedValue(ok({ ...appInfo, backend: 'postgres', team }));
    await userEvent.type(within(form).getByLabelText('Password'), 'pw');
    await userEvent.click(within(form).getByTestId('team-connect-submit'));
    await waitFor(() =>
      expect(commands.connectTeam).toHaveBeenCalledWith(expect.objectContaining({ host: 'db.voronka.ua', tls_mode: 'verify_full' }), 'pw'),
    );
  });

  it('offers another file or a new database when a file failed, in the shell’s dialogs', async () => {
    vi.mocked(commands.openDatabaseFile).mockResolvedValue(ok(null));
    vi.mocked(commands.createDatabaseFile).mockResolvedValue(ok({ ...appInfo, user: null, first_start: true }));
    renderScreen(<StartProblemScreen problem={brokenFile} />);

    expect(screen.getByText('Voronka could not open the database')).toBeInTheDocument();
    expect(screen.getByTestId('start-problem-error')).toHaveTextContent('This is not a Voronka database');
    expect(screen.queryByTestId('start-work-locally')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('start-open-file'));
    await waitFor(() =>
      expect(commands.openDatabaseFile).toHaveBeenCalledWith({ title: 'Open a Voronka database', filter_name: 'Voronka database' }),
    );
    await userEvent.click(screen.getByTestId('start-create-file'));
    await waitFor(() =>
      expect(commands.createDatabaseFile).toHaveBeenCalledWith({
        title: 'Where to create the new database',
        filter_name: 'Voronka database',
      }),
    );
  });

  it('tells when the way out fails too', async () => {
    vi.mocked(commands.createDatabaseFile).mockResolvedValue(refuse('read_only', 'db'));
    renderScreen(<StartProblemScreen problem={brokenFile} />);
    await userEvent.click(screen.getByTestId('start-create-file'));
    expect(await screen.findByText('This database cannot be written here: it or its folder is read-only')).toBeInTheDocument();
  });
});

