import { waitFor } from '@testing-library/react';
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
    const link = dealsLink({ pipelineId: 'p-2', stageId: 's-1', ownerId: 'u-2' });
    expect(readDealsLink(new URLSearchParams(link.split('?')[1]))).toEqual({ pipelineId: 'p-2', stageId: 's-1', ownerId: 'u-2' });
  });

  it('open the table of that pipeline filtered by the stage and owner', async () => {
    vi.mocked(commands.listPipelines).mockResolvedValue(ok([pipeline('pipe-1', 'Sales', true), pipeline('pipe-2', 'Service', false)]));
    renderScreen(<DealsScreen />, { route: '/deals?pipeline=pipe-2&stage=stage-7&owner=user-2' });
    await waitFor(() =>
      expect(commands.listDeals).toHaveBeenCalledWith(
        { pipeline_id: 'pipe-2', owner_id: 'user-2', stage_id: 'stage-7' },
        expect.anything(),
      ),
    );
    // The board was the remembered view; a link to a stage opens the table.
    expect(commands.board).not.toHaveBeenCalled();
  });
});
