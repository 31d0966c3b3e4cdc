import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { Backup } from '../../api/types';
import { ok } from '../../test/fakeCommands';
import { appInfo, me, rightsOf } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { BackupsSection } from './BackupsSection';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const backup = (name: string, at: number): Backup => ({ name, path: `/data/backups/${name}`, taken_at: at, bytes: 3_145_728 });
const newest = backup('voronka-2026-12-06-080000-000.db', Date.UTC(2026, 11, 6, 8));
const older = backup('voronka-2026-12-05-080000-000.db', Date.UTC(2026, 11, 5, 8));

describe('BackupsSection', () => {
  it('lists the copies, takes one now, and restores one only after the confirmation', async () => {
    vi.mocked(commands.backups).mockResolvedValue(ok({ folder: '/data/backups', items: [newest, older], kept: 7 }));
    vi.mocked(commands.backUpNow).mockResolvedValue(ok(newest));
    vi.mocked(commands.restoreBackup).mockResolvedValue(ok(appInfo));
    renderScreen(<BackupsSection />, { info: { ...appInfo, backend: 'sqlite', rights: rightsOf('admin') } });
    expect(await screen.findAllByTestId('backup-row')).toHaveLength(2);
    expect(screen.getAllByText('3.0 MB')).toHaveLength(2);
    await userEvent.click(screen.getByTestId('backup-now'));
    await waitFor(() => expect(commands.backUpNow).toHaveBeenCalled());

    const [, olderRow] = screen.getAllByTestId('backup-row');
    await userEvent.click(within(olderRow!).getByTestId('backup-restore'));
    expect(await screen.findByTestId('restore-dialog')).toBeInTheDocument();
    expect(commands.restoreBackup).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('restore-confirm'));
    await waitFor(() => expect(commands.restoreBackup).toHaveBeenCalledWith(older.name));
  });

  it('offers a manager copies but no restore, and a team database nothing here', async () => {
    vi.mocked(commands.backups).mockResolvedValue(ok({ folder: '/data/backups', items: [newest], kept: 7 }));
    const { unmount } = renderScreen(<BackupsSection />, {
      info: { ...appInfo, backend: 'sqlite', user: { ...me, role: 'manager' }, rights: rightsOf('manager') },
    });
    expect(await screen.findByTestId('backup-row')).toBeInTheDocument();
    expect(screen.queryByTestId('backup-restore')).not.toBeInTheDocument();
    unmount();
    renderScreen(<BackupsSection />, { info: { ...appInfo, backend: 'postgres', rights: rightsOf('admin') } });
    expect(screen.queryByTestId('backups-section')).not.toBeInTheDocument();
  });
});
