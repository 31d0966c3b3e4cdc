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
    expect(commands.completeTask).toHaveBeenCalledWith('t1', 1, 'ok', null);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('completes the task and plans the next one for the same deal in one command', async () => {
    const done = task('t1', 'Передзвонити', { deal_id: 'd1' });
    vi.mocked(commands.completeTask).mockResolvedValue(
      ok({ done: { ...done, done_at: 1, result: 'Домовились' }, next: task('t2', 'Надіслати КП', { deal_id: 'd1' }) }),
    );
    const onClose = vi.fn();
    renderScreen(<CompleteTaskDialog task={done} onClose={onClose} />);

    await userEvent.type(await screen.findByTestId('task-result'), 'Домовились про КП');
    await userEvent.type(screen.getByTestId('next-task-title'), 'Надіслати КП');
    await userEvent.click(screen.getByTestId('complete-task-submit'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(commands.completeTask).toHaveBeenCalledTimes(1);
    expect(commands.completeTask).toHaveBeenCalledWith(
      't1',
      1,
      'Домовились про КП',
      expect.objectContaining({ title: 'Надіслати КП', deal_id: 'd1', kind: 'call' }),
    );
    expect(commands.createTask).not.toHaveBeenCalled();
  });

  it('keeps everything open when the next task is refused, and saves both on the retry', async () => {
    const done = task('t1', 'Передзвонити', { deal_id: 'd1' });
    vi.mocked(commands.completeTask).mockResolvedValue(refuse('invalid', 'next.title', 'the title is empty'));
    const onClose = vi.fn();
    renderScreen(<CompleteTaskDialog task={done} onClose={onClose} />);

    await userEvent.type(await screen.findByTestId('task-result'), 'Домовились про КП');
    await userEvent.click(screen.getByTestId('complete-task-submit'));

    expect(await screen.findByText('This value is not valid')).toBeInTheDocument();
    expect(screen.getByTestId('next-task-title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('task-result')).toBeEnabled();
    await userEvent.type(screen.getByTestId('next-task-title'), 'Надіслати КП');
    vi.mocked(commands.completeTask).mockResolvedValue(ok({ done: { ...done, done_at: 1 }, next: task('t2', 'Надіслати КП') }));
    await userEvent.click(screen.getByTestId('complete-task-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(commands.completeTask).toHaveBeenCalledTimes(2);
    expect(commands.completeTask).toHaveBeenLastCalledWith('t1', 1, 'Домовились про КП', expect.objectContaining({ title: 'Надіслати КП' }));
    expect(commands.createTask).not.toHaveBeenCalled();
  });

  it('asks for the next task when the store says it is the deal\'s last open one', async () => {
    const done = task('t1', 'Передзвонити', { deal_id: 'd1' });
    vi.mocked(commands.completeTask).mockResolvedValue(refuse('invalid_state', 'next', 'plan the next task'));
    renderScreen(<CompleteTaskDialog task={done} onClose={() => {}} />);

    await userEvent.type(await screen.findByTestId('task-result'), 'Домовились про КП');
    await userEvent.click(screen.getByTestId('task-add-next'));
    expect(screen.queryByTestId('next-task-title')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('complete-task-submit'));

    expect(await screen.findByText(/last open task: plan the next one/)).toBeInTheDocument();
    expect(screen.getByTestId('task-add-next')).toBeChecked();
    expect(screen.getByTestId('next-task-title')).toBeInTheDocument();
    expect(commands.completeTask).toHaveBeenCalledWith('t1', 1, 'Домовились про КП', null);
  });
});
