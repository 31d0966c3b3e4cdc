import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { About } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { renderScreen } from '../../test/render';
import { AboutSection } from './AboutSection';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const about: About = {
  version: '0.1.0',
  backend: 'postgres',
  database: 'postgres://olena@db.voronka.ua:5432/crm',
  data_folder: '/home/olena/.local/share/Voronka',
  log_file: '/home/olena/.local/share/Voronka/logs/voronka.2026-12-06.log',
  settings_file: '/home/olena/.config/Voronka/settings.json',
  platform: 'linux x86_64',
};

describe('AboutSection', () => {
  it('shows the version, the database, the data folder and the log file, and copies them for support', async () => {
    const user = userEvent.setup();
    vi.mocked(commands.about).mockResolvedValue(ok(about));
    renderScreen(<AboutSection />);
    expect(await screen.findByText('Voronka 0.1.0')).toBeInTheDocument();
    expect(screen.getByText('Team server: postgres://olena@db.voronka.ua:5432/crm')).toBeInTheDocument();
    expect(screen.getByText(about.data_folder!)).toBeInTheDocument();
    expect(screen.getByText(about.log_file!)).toBeInTheDocument();

    await user.click(screen.getByTestId('about-copy'));
    await waitFor(() => expect(screen.getByTestId('about-copy')).toHaveTextContent('Copied'));
    const copied = await navigator.clipboard.readText();
    expect(copied.split('\n')).toEqual([
      'Version: Voronka 0.1.0',
      'Database: Team server: postgres://olena@db.voronka.ua:5432/crm',
      'Data folder: /home/olena/.local/share/Voronka',
      'Log file: /home/olena/.local/share/Voronka/logs/voronka.2026-12-06.log',
      'Settings file: /home/olena/.config/Voronka/settings.json',
      'System: linux x86_64',
    ]);
  });

  it('says when no database is open, and shows a failed answer', async () => {
    vi.mocked(commands.about).mockResolvedValueOnce(ok({ ...about, backend: null, database: null, log_file: null }));
    const { unmount } = renderScreen(<AboutSection />);
    expect(await screen.findByText('none open')).toBeInTheDocument();
    expect(screen.getAllByText('—')).toHaveLength(1);
    unmount();
    vi.mocked(commands.about).mockResolvedValueOnce(refuse('storage', null, 'the data folder is unreadable'));
    renderScreen(<AboutSection />);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByTestId('about-copy')).toBeDisabled();
  });
});
