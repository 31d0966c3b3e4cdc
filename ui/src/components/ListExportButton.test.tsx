import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../api/commands';
import { ok } from '../test/fakeCommands';
import { renderScreen } from '../test/render';
import { ListExportButton, shownColumns } from './ListExportButton';

vi.mock('../api/commands', async () => ({ commands: (await import('../test/fakeCommands')).fakeCommands() }));
vi.mock('@tauri-apps/api/core', () => ({
  Channel: class<T> {
    constructor(public onmessage: (message: T) => void) {}
  },
}));

describe('ListExportButton', () => {
  it('sends the list with its filter and the columns shown, not the row checkboxes', async () => {
    vi.mocked(commands.chooseExportPath).mockResolvedValue(ok('/home/olena/companies.xlsx'));
    vi.mocked(commands.exportList).mockResolvedValue(ok({ path: '/home/olena/companies.xlsx', rows: 3 }));
    const columns = shownColumns([
      { key: 'select', label: '' },
      { key: 'name', label: 'Назва' },
      { key: 'city', label: 'Місто' },
    ]);
    const query = { list: 'companies' as const, filter: { owner_id: null, city: 'Львів', sort: 'name', descending: true } };
    renderScreen(<ListExportButton query={query} columns={columns} title="Компанії" filters={[{ label: 'Місто', value: 'Львів' }]} />);
    await userEvent.click(screen.getByTestId('export-companies'));
    await waitFor(() =>
      expect(commands.exportList).toHaveBeenCalledWith(
        {
          query,
          columns: [
            { key: 'name', title: 'Назва' },
            { key: 'city', title: 'Місто' },
          ],
          title: 'Компанії',
          filters: [{ label: 'Місто', value: 'Львів' }],
        },
        '/home/olena/companies.xlsx',
        expect.anything(),
      ),
    );
    expect(await screen.findByTestId('export-done')).toBeInTheDocument();
  });
});
