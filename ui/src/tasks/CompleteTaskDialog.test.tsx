import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../api/commands';
import { ok, refuse } from '../test/fakeCommands';
import { task } from '../test/fixtures';
import { renderScreen } from '../test/render';
import { CompleteTaskDialog } from './CompleteTaskDialog';

vi.mock('../api/commands', async () => ({ commands: (await import('../test/fakeCommands')).fakeCommands() }));

describe('CompleteTaskDialog', () => {
  it('shows the server refusal of an empty result under the result field, translated by its code', async () => {
    vi.mocked(commands.completeTask).mockResolvedValue(
      refuse('result_not_meaningful', 'result', 'write what came of the task'),
    );
    const onClose = vi.fn();
    renderScreen(<CompleteTaskDialog task={task('t1', 'Передзвонити')} onClose={onClose} />);

    await userEvent.type(await screen.findByTestId('task-result'), 'ok');
    await userEvent.click(screen.getByTestId('complete-task-submit'));

    expect(await screen.findByText(/“ok” or “\+” tells the head nothing/)).toBeInTheDocument();
    expect(screen.getByTestId('task-result')).toHaveAttribute('aria-invalid', 'true');
    expect(commands.completeTask).toHaveBeenCalledWith('t1', 1, 'ok');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('completes the task and plans the next one for the same deal in one go', async () => {
    const done = task('t1', 'Передзвонити', { deal_id: 'd1' });
    vi.mocked(commands.completeTask).mockResolvedValue(ok({ ...done, done_at: 1, result: 'Домовились' }));
    vi.mocked(commands.createTask).mockResolvedValue(ok(task('t2', 'Надіслати КП', { deal_id: 'd1' })));
    const onClose = vi.fn();
    renderScreen(<CompleteTaskDialog task={done} onClose={onClose} />);

    await userEvent.type(await screen.findByTestId('task-result'), 'Домовились про КП');
    await userEvent.type(screen.getByTestId('next-task-title'), 'Надіслати КП');
    await userEvent.click(screen.getByTestId('complete-task-submit'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(commands.createTask).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Надіслати КП', deal_id: 'd1', kind: 'call' }),
    );
  });

  it('keeps the completion when the next task is refused, and shows why on its field', async () => {
    const done = task('t1', 'Передзвонити', { deal_id: 'd1' });
    vi.mocked(commands.completeTask).mockResolvedValue(ok({ ...done, done_at: 1 }));
    vi.mocked(commands.createTask).mockResolvedValue(refuse('invalid', 'title', 'the title is empty'));
    renderScreen(<CompleteTaskDialog task={done} onClose={() => {}} />);

    await userEvent.type(await screen.findByTestId('task-result'), 'Домовились про КП');
    await userEvent.click(screen.getByTestId('complete-task-submit'));

    expect(await screen.findByText('This value is not valid')).toBeInTheDocument();
    expect(screen.getByTestId('task-result')).toBeDisabled();
    await userEvent.type(screen.getByTestId('next-task-title'), 'Надіслати КП');
    vi.mocked(commands.createTask).mockResolvedValue(ok(task('t2', 'Надіслати КП')));
    await userEvent.click(screen.getByTestId('complete-task-submit'));
    await waitFor(() => expect(commands.createTask).toHaveBeenCalledTimes(2));
    expect(commands.completeTask).toHaveBeenCalledTimes(1);
  });
});
