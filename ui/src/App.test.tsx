import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { commands } from './api/commands';
import { ok, refuse } from './test/fakeCommands';
import { appInfo } from './test/fixtures';

vi.mock('./api/commands', async () => ({ commands: (await import('./test/fakeCommands')).fakeCommands() }));

describe('App', () => {
  beforeEach(() => {
    window.location.hash = '';
    vi.mocked(commands.today).mockResolvedValue(ok({ overdue: [], today: [], tomorrow: [], later: [], deals_without_task: [] }));
  });

  it('asks for the first start when the database has no user yet', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(ok({ ...appInfo, user: null, first_start: true }));
    render(<App />);
    expect(await screen.findByTestId('first-start-form')).toBeInTheDocument();
  });

  it('opens on Today and moves between screens from the navbar', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(ok(appInfo));
    render(<App />);
    expect(await screen.findByTestId('today-screen')).toBeInTheDocument();
    for (const link of ['nav-today', 'nav-deals', 'nav-companies', 'nav-contacts', 'nav-reports', 'nav-settings']) {
      expect(screen.getByTestId(link)).toBeInTheDocument();
    }
    await userEvent.click(screen.getByTestId('nav-settings'));
    expect(await screen.findByTestId('current-database')).toHaveTextContent(appInfo.database);
  });

  it('opens on the plan/fact dashboard for the head of sales', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(ok({ ...appInfo, user: { ...appInfo.user!, role: 'head' } }));
    render(<App />);
    // The reports load on first visit, ECharts with them: slower than the other screens.
    expect(await screen.findByTestId('reports-screen', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId('today-screen')).not.toBeInTheDocument();
    expect(window.location.hash).toBe('#/reports');
    await waitFor(() => expect(commands.report).toHaveBeenCalledWith('dashboard', expect.anything()));
  });

  it('switches the language in Settings, saving it on the user', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(ok(appInfo));
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
    vi.mocked(commands.appInfo).mockResolvedValue(ok({ ...appInfo, user: { ...appInfo.user!, language: 'ru' } }));
    render(<App />);
    expect(await screen.findByTestId('nav-deals')).toHaveTextContent('Сделки');
  });

  it('shows why it cannot start when the database refuses', async () => {
    vi.mocked(commands.appInfo).mockResolvedValue(refuse('schema_too_new', null));
    render(<App />);
    expect(await screen.findByTestId('query-error')).toHaveTextContent('newer Voronka');
  });
});
