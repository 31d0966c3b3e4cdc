import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from '@mantine/core';
import { commands } from '../../api/commands';
import type { Deal } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { deal } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { useDealMove } from './useDealMove';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

function Harness({ d, to }: { d: Deal; to: string }) {
  const { move, dialogs } = useDealMove();
  return (
    <>
      <Button onClick={() => move(d, to)}>move</Button>
      {dialogs}
    </>
  );
}

const reasons = [
  { id: 'r1', created_at: 0, updated_at: 0, version: 1, deleted_at: null, name: 'Ціна', position: 0, active: true },
];

describe('useDealMove', () => {
  it('asks for a loss reason when the server requires one, then repeats the move with it', async () => {
    const d = deal('d1', 'Дах', 's1', 100);
    vi.mocked(commands.activeLossReasons).mockResolvedValue(ok(reasons));
    vi.mocked(commands.moveDeal)
      .mockResolvedValueOnce(refuse('loss_reason_required', 'loss_reason_id'))
      .mockResolvedValueOnce(ok({ ...d, stage_id: 'lost', status: 'lost' }));
    renderScreen(<Harness d={d} to="lost" />);

    await userEvent.click(screen.getByText('move'));
    expect(await screen.findByTestId('loss-dialog')).toBeInTheDocument();
    await userEvent.click(await screen.findByTestId('loss-reason'));
    await userEvent.click(await screen.findByText('Ціна'));
    await userEvent.click(screen.getByTestId('loss-submit'));

    await waitFor(() => expect(commands.moveDeal).toHaveBeenCalledTimes(2));
    expect(commands.moveDeal).toHaveBeenLastCalledWith('d1', 1, {
      stage_id: 'lost',
      loss_reason_id: 'r1',
      loss_comment: null,
    });
    await waitFor(() => expect(screen.queryByTestId('loss-submit')).not.toBeInTheDocument());
  });

  it('opens the deal form with the field the stage requires marked', async () => {
    const d = deal('d1', 'Дах', 's1', 0);
    vi.mocked(commands.getDeal).mockResolvedValue(ok(d));
    vi.mocked(commands.moveDeal).mockResolvedValue(refuse('stage_requirements', 'amount', 'fill amount'));
    renderScreen(<Harness d={d} to="s3" />);

    await userEvent.click(screen.getByText('move'));
    expect(await screen.findByTestId('deal-edit-dialog')).toBeInTheDocument();
    const amount = await screen.findByTestId('deal-amount');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Fill this in before the deal can enter the stage')).toBeInTheDocument();
  });
});
