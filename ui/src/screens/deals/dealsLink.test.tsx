import { fireEvent, screen, waitFor } from '@testing-library/react';
import { commands } from '../../api/commands';
import type { Pipeline } from '../../api/types';
import { ok } from '../../test/fakeCommands';
import { renderScreen } from '../../test/render';
import { dealsLink, readDealsLink } from './dealsLink';
import { DealsScreen } from './DealsScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const pipeline = (id: string, name: string, is_default: boolean): Pipeline =>
  ({ id, name, is_default, position: 0, created_at: 0, updated_at: 0, version: 1, deleted_at: null });

describe('links into the deals table', () => {
  it('carry only the filters given', () => {
    expect(dealsLink({})).toBe('/deals');
    expect(dealsLink({ stageId: 's-1', ownerId: null })).toBe('/deals?stage=s-1');
    const link = dealsLink({ pipelineId: 'p-2', stageId: 's-1', ownerId: 'u-2', status: 'open', createdFrom: '2026-05-06', createdTo: '2026-11-01' });
    expect(readDealsLink(new URLSearchParams(link.split('?')[1]))).toEqual({
      pipelineId: 'p-2',
      stageId: 's-1',
      ownerId: 'u-2',
      status: 'open',
      createdFrom: '2026-05-06',
      createdTo: '2026-11-01',
    });
  });

  it('leave out a status or a day that is not one', () => {
    const read = readDealsLink(new URLSearchParams('status=closed&created_from=2026-5-6&created_to=2026-11-01'));
    expect(read).toMatchObject({ status: null, createdFrom: null, createdTo: '2026-11-01' });
  });

  it('open the table of that pipeline filtered by the stage and owner', async () => {
    vi.mocked(commands.listPipelines).mockResolvedValue(ok([pipeline('pipe-1', 'Sales', true), pipeline('pipe-2', 'Service', false)]));
    renderScreen(<DealsScreen />, { route: '/deals?pipeline=pipe-2&stage=stage-7&owner=user-2' });
    await waitFor(() =>
      expect(commands.listDeals).toHaveBeenCalledWith(
        { pipeline_id: 'pipe-2', owner_id: 'user-2', stage_id: 'stage-7', status: null, created_from: null, created_to: null },
        expect.anything(),
      ),
    );
    // The board was the remembered view; a link to a stage opens the table.
    expect(commands.board).not.toHaveBeenCalled();
  });

  it('narrow the table to the open deals created in a report period, until the period is cleared', async () => {
    vi.mocked(commands.listPipelines).mockResolvedValue(ok([pipeline('pipe-1', 'Sales', true)]));
    renderScreen(<DealsScreen />, {
      route: '/deals?pipeline=pipe-1&status=open&created_from=2026-05-06&created_to=2026-11-01',
    });
    const narrowed = { pipeline_id: 'pipe-1', owner_id: null, stage_id: null, status: 'open', created_from: '2026-05-06', created_to: '2026-11-01' };
    await waitFor(() => expect(commands.listDeals).toHaveBeenCalledWith(narrowed, expect.anything()));
    expect(commands.board).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByTestId('deal-table-created-clear'));
    await waitFor(() =>
      expect(commands.listDeals).toHaveBeenLastCalledWith({ ...narrowed, created_from: null, created_to: null }, expect.anything()),
    );
    expect(screen.queryByTestId('deal-table-created')).toBeNull();
  });
});
