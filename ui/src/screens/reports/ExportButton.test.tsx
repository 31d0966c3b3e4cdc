import { act, screen, waitFor } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import { ok, refuse } from '../../test/fakeCommands';
import { renderScreen } from '../../test/render';
import type { ExportProgress } from '../../api/types';
import { ExportButton, exportFileName } from './ExportButton';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));
vi.mock('@tauri-apps/api/core', () => ({
  Channel: class<T> {
    constructor(public onmessage: (message: T) => void) {}
  },
}));

const filter = { from: '2026-03-01', to: '2026-03-31', pipeline_id: null, manager_id: 'user-2' };
const path = '/home/olena/Звіти/funnel.xlsx';

describe('ExportButton', () => {
  beforeEach(() => {
    // Notifications live in a store of their own that outlives each render.
    notifications.clean();
  });

  it('asks the shell where to save, exports there, and offers to open the file', async () => {
    vi.mocked(commands.chooseExportPath).mockResolvedValue(ok(path));
    let finish: (v: Awaited<ReturnType<typeof commands.exportReport>>) => void = () => {};
    vi.mocked(commands.exportReport).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    renderScreen(<ExportButton name="funnel" filter={filter} />);

    await userEvent.click(screen.getByTestId('report-export'));
    expect(commands.chooseExportPath).toHaveBeenCalledWith(
      'Export to Excel',
      'funnel_2026-03-01_2026-03-31.xlsx',
      'Excel workbook',
    );
    expect(commands.exportReport).toHaveBeenCalledWith('funnel', filter, path, expect.anything());
    // While the workbook is written the button says so and cannot be pressed again.
    await waitFor(() => expect(screen.getByTestId('report-export')).toBeDisabled());
    expect(screen.getByTestId('report-export')).toHaveTextContent('Saving the workbook…');
    // Mantine's loading state would hide the label, and with it the count below.
    expect(screen.getByTestId('report-export')).not.toHaveAttribute('data-loading');
    // A long export counts its rows on the button as they are written.
    const channel = vi.mocked(commands.exportReport).mock.calls[0]?.[3] as unknown as {
      onmessage: (p: ExportProgress) => void;
    };
    act(() => channel.onmessage({ rows: 12_000 }));
    expect(screen.getByTestId('report-export')).toHaveTextContent('Saving the workbook… 12,000 rows');

    finish(ok({ path, rows: 42 }));
    expect(await screen.findByTestId('export-done')).toHaveTextContent('42 rows saved');
    await waitFor(() => expect(screen.getByTestId('report-export')).toBeEnabled());
    vi.mocked(commands.openExport).mockResolvedValue(ok(null));
    await userEvent.click(screen.getByTestId('export-open'));
    expect(commands.openExport).toHaveBeenCalledWith(path);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    vi.mocked(commands.chooseExportPath).mockResolvedValue(ok(null));
    renderScreen(<ExportButton name="dashboard" filter={filter} />);
    await userEvent.click(screen.getByTestId('report-export'));
    await waitFor(() => expect(commands.chooseExportPath).toHaveBeenCalled());
    expect(commands.exportReport).not.toHaveBeenCalled();
  });

  it('tells when the workbook could not be written', async () => {
    vi.mocked(commands.chooseExportPath).mockResolvedValue(ok(path));
    vi.mocked(commands.exportReport).mockResolvedValue(refuse('storage', null, 'disk full'));
    renderScreen(<ExportButton name="funnel" filter={filter} />);
    await userEvent.click(screen.getByTestId('report-export'));
    expect(await screen.findByText('The report was not saved')).toBeInTheDocument();
    expect(screen.queryByTestId('export-open')).not.toBeInTheDocument();
  });

  it('names the file by the report and its period only', () => {
    expect(exportFileName('abc-xyz', { ...filter, from: '2026-01-01' })).toBe('abc-xyz_2026-01-01_2026-03-31.xlsx');
    expect(exportFileName('funnel', { ...filter, from: '../..', to: 'a/b' })).toBe('funnel_.._.._a_b.xlsx');
  });
});
