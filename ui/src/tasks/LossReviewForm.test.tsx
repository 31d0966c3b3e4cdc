import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../api/commands';
import type { ReviewClosed } from '../api/types';
import { ok, refuse } from '../test/fakeCommands';
import { task } from '../test/fixtures';
import { renderScreen } from '../test/render';
import { CompleteTaskDialog } from './CompleteTaskDialog';

vi.mock('../api/commands', async () => ({ commands: (await import('../test/fakeCommands')).fakeCommands() }));

describe('the loss review dialog', () => {
  it('opens for a review task instead of a plain result, and confirms the loss with the answers', async () => {
    const review = task('r1', 'Розібрати програну угоду', { kind: 'review_lost', deal_id: 'd1' });
    vi.mocked(commands.closeLossReview).mockResolvedValue(ok({} as ReviewClosed));
    const onClose = vi.fn();
    renderScreen(<CompleteTaskDialog task={review} onClose={onClose} />);
    expect(await screen.findByTestId('loss-review-form')).toBeInTheDocument();
    expect(screen.queryByTestId('task-add-next')).toBeNull();
    await userEvent.type(screen.getByTestId('review-call-attempts'), '3');
    await userEvent.type(screen.getByTestId('review-comment'), 'Клієнт обрав конкурента, заперечення відпрацьовані');
    await userEvent.click(screen.getByTestId('review-submit'));
    await waitFor(() => expect(commands.closeLossReview).toHaveBeenCalledTimes(1));
    expect(commands.closeLossReview).toHaveBeenCalledWith('r1', 1, {
      objections_handled: null,
      call_attempts: 3,
      can_revive: null,
      comment: 'Клієнт обрав конкурента, заперечення відпрацьовані',
      decision: 'confirm',
      stage_id: null,
      task_title: null,
      task_due_at: null,
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('shows a refused conclusion under its field', async () => {
    const review = task('r1', 'Розібрати програну угоду', { kind: 'review_lost', deal_id: 'd1' });
    vi.mocked(commands.closeLossReview).mockResolvedValue(refuse('result_not_meaningful', 'comment'));
    renderScreen(<CompleteTaskDialog task={review} onClose={vi.fn()} />);
    await userEvent.type(await screen.findByTestId('review-comment'), 'ok');
    await userEvent.click(screen.getByTestId('review-submit'));
    await waitFor(() => expect(screen.getByTestId('review-comment')).toHaveAttribute('aria-invalid', 'true'));
  });
});
