import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { commands } from './api/commands';
import { ok, refuse } from './test/fakeCommands';
import { appInfo, ready, rightsOf } from './test/fixtures';

vi.mock('./api/commands', async () => ({ commands: (await import('./test/fakeCommands')).fakeCommands() }));

describe('App', () => {
  beforeEach(() => {
    window.location.hash = '';
    vi.mocked(commands.today).mockResolvedValue(ok({ overdue: [], today: [], tomorrow: [], later: [], deals_without_task: [] }));
  });

  it('asks for the first start when the database has no user yet', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready({ ...appInfo, user: null, first_start: true })));
    render(<App />);
    expect(await screen.findByTestId('first-start-form')).toBeInTheDocument();
  });

  it('opens on Today and moves between screens from the navbar', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready(appInfo)));
    render(<App />);
    expect(await screen.findByTestId('today-screen')).toBeInTheDocument();
    for (const link of ['nav-today', 'nav-deals', 'nav-companies', 'nav-contacts', 'nav-reports', 'nav-settings']) {
      expect(screen.getByTestId(link)).toBeInTheDocument();
    }
    await userEvent.click(screen.getByTestId('nav-settings'));
    // Settings is a large screen: on a busy machine it takes over the default second to show.
    expect(await screen.findByTestId('current-database', {}, { timeout: 5000 })).toHaveTextContent(appInfo.database);
  });

  it('opens on the plan/fact dashboard for the head of sales', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready({ ...appInfo, user: { ...appInfo.user!, role: 'head' } })));
    render(<App />);
    // The reports load on first visit, ECharts with them: slower than the other screens.
    expect(await screen.findByTestId('reports-screen', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId('today-screen')).not.toBeInTheDocument();
    expect(window.location.hash).toBe('#/reports');
    await waitFor(() => expect(commands.report).toHaveBeenCalledWith('dashboard', expect.anything()));
  });

  it('switches the language in Settings, saving it on the user', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready(appInfo)));
    vi.mocked(commands.setMyPreferences).mockResolvedValue(ok({ ...appInfo.user!, language: 'uk' }));
    window.location.hash = '#/settings';
    render(<App />);
    await userEvent.click(await screen.findByTestId('settings-language'));
    await userEvent.click(await screen.findByText('Українська'));
    expect(await screen.findByTestId('nav-deals')).toHaveTextContent('Угоди');
    expect(commands.setMyPreferences).toHaveBeenCalledWith('uk', 'Europe/Kyiv');
    expect(localStorage.getItem('voronka.language')).toBe('uk');
  });

  it('speaks the language saved on the user, whatever the browser remembered', async () => {
    localStorage.setItem('voronka.language', 'en');
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready({ ...appInfo, user: { ...appInfo.user!, language: 'ru' } })));
    render(<App />);
    expect(await screen.findByTestId('nav-deals')).toHaveTextContent('Сделки');
  });

  it('shows a database that failed at start, and the first start on the new file made instead', async () => {
    vi.mocked(commands.appInfo).mockResolvedValueOnce(
      ok({
        state: 'problem',
        error: { code: 'schema_too_new', field: 'db', message: 'schema version 99' },
        database: 'sqlite:/home/olena/voronka.db',
        team: null,
      }),
    );
    render(<App />);
    // The start-up screen loads on demand, like the first-start one.
    expect(await screen.findByTestId('start-problem', {}, { timeout: 5000 })).toHaveTextContent('newer Voronka');
    expect(screen.queryByTestId('nav-today')).not.toBeInTheDocument();

    const fresh = { ...appInfo, database: 'sqlite:/home/olena/new.db', user: null, first_start: true };
    vi.mocked(commands.createDatabaseFile).mockResolvedValue(ok(fresh));
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready(fresh)));
    await userEvent.click(screen.getByTestId('start-create-file'));
    expect(await screen.findByTestId('first-start-form', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('first-start-demo')).toBeInTheDocument();
  });

  it('marks the local file in the header while the team database waits, until back on it', async () => {
    const team = { host: 'db', port: 5432, database: 'crm', user: 'olena', tls_mode: 'prefer' as const, root_cert: null };
    vi.mocked(commands.appInfo).mockResolvedValueOnce(ok(ready({ ...appInfo, team_waiting: team })));
    render(<App />);
    const badge = await screen.findByTestId('local-file-badge', {}, { timeout: 5000 });
    expect(badge).toHaveTextContent('Local file');

    const onTeam = { ...appInfo, backend: 'postgres', database: 'postgres://olena@db:5432/crm', team };
    vi.mocked(commands.backToTeam).mockResolvedValue(ok(onTeam));
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready(onTeam)));
    await userEvent.click(screen.getByTestId('back-to-team'));
    await waitFor(() => expect(screen.queryByTestId('local-file-badge')).not.toBeInTheDocument());
    expect(commands.backToTeam).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId('today-screen', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('shows why it cannot start when the database refuses', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(refuse('schema_too_new', null));
    render(<App />);
    expect(await screen.findByTestId('query-error')).toHaveTextContent('newer Voronka');
  });

  it("asks a teammate for their own password before anything else, then opens the app", async () => {
    const handed = { ...appInfo, backend: 'postgres', must_change_password: true };
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready(handed)));
    render(<App />);
    expect(await screen.findByTestId('change-password-form', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId('nav-today')).not.toBeInTheDocument();

    const chosen = { ...handed, must_change_password: false };
    vi.mocked(commands.setMyPassword).mockResolvedValue(ok(chosen));
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready(chosen)));
    await userEvent.type(screen.getByTestId('new-password'), 'my-own-password');
    await userEvent.type(screen.getByTestId('repeat-password'), 'my-own-password');
    await userEvent.click(screen.getByTestId('change-password-submit'));
    expect(await screen.findByTestId('today-screen', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('shows the Team screen only to a role that manages users', async () => {
    const manager = { ...appInfo, backend: 'postgres', rights: rightsOf('manager') };
    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready(manager)));
    const { unmount } = render(<App />);
    expect(await screen.findByTestId('today-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-team')).not.toBeInTheDocument();
    unmount();

    vi.mocked(commands.appInfo).mockResolvedValue(ok(ready({ ...manager, rights: rightsOf('head') })));
    render(<App />);
    await userEvent.click(await screen.findByTestId('nav-team', {}, { timeout: 5000 }));
    expect(await screen.findByTestId('team-screen', {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
