import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import { ok, refuse } from '../../test/fakeCommands';
import { deal } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { DealTrash } from './DealTrash';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

describe('DealTrash', () => {
  it('deletes a live deal only after the confirmation, at the version it was read at', async () => {
    const live = deal('deal-1', 'Покрівля', 'stage-1', 100_00, { version: 4 });
    vi.mocked(commands.deleteDeal).mockResolvedValue(ok({ ...live, version: 5, deleted_at: 1 }));
    renderScreen(<DealTrash deal={live} />);
    await userEvent.click(screen.getByTestId('deal-delete'));
    expect(commands.deleteDeal).not.toHaveBeenCalled();
    await userEvent.click(await screen.findByTestId('deal-delete-confirm'));
    await waitFor(() => expect(commands.deleteDeal).toHaveBeenCalledWith('deal-1', 4));
    expect(commands.restoreDeal).not.toHaveBeenCalled();
  });

  it('offers a deleted deal back and says why the store refused', async () => {
    const gone = deal('deal-1', 'Покрівля', 'stage-1', 100_00, { version: 5, deleted_at: 1 });
    vi.mocked(commands.restoreDeal).mockResolvedValue(refuse('conflict', 'version'));
    renderScreen(<DealTrash deal={gone} />);
    expect(screen.getByTestId('deal-deleted')).toBeInTheDocument();
    expect(screen.queryByTestId('deal-delete')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('deal-restore'));
    await waitFor(() => expect(commands.restoreDeal).toHaveBeenCalledWith('deal-1', 5));
    expect(await screen.findByText(/Changed by someone else/)).toBeInTheDocument();
  });
});
