import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../api/commands';
import { ok, refuse } from '../test/fakeCommands';
import { appInfo, me, rightsOf, task } from '../test/fixtures';
import { renderScreen } from '../test/render';
import { EditTaskDialog } from './EditTaskDialog';

vi.mock('../api/commands', async () => ({ commands: (await import('../test/fakeCommands')).fakeCommands() }));

const manager = { ...appInfo, rights: rightsOf('manager') };
const head = { ...appInfo, user: { ...me, role: 'head' as const }, rights: rightsOf('head') };
const overdue = task('t1', 'Передзвонити Дах', { deal_id: 'd1', due_at: Date.now() - 3 * 3_600_000 });

describe('EditTaskDialog', () => {
  it('asks why an overdue task is moved and sends the reason with the new due time', async () => {
    vi.mocked(commands.editTask).mockResolvedValue(ok({ ...overdue, version: 2 }));
    const onClose = vi.fn();
    renderScreen(<EditTaskDialog task={overdue} onClose={onClose} />, { info: manager });

    await screen.findByTestId('task-edit-title');
    // A manager's tasks are her own: no one else to give them to.
    expect(screen.queryByTestId('task-edit-assignee')).toBeNull();
    expect(screen.queryByTestId('task-edit-reason')).toBeNull();
    await userEvent.click(screen.getByTestId('task-edit-due-tomorrow'));
    await userEvent.type(await screen.findByTestId('task-edit-reason'), 'Клієнт у відпустці до понеділка');
    await userEvent.click(screen.getByTestId('task-edit-save'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [id, version, input, reason] = vi.mocked(commands.editTask).mock.calls[0]!;
    expect([id, version, reason]).toEqual(['t1', 1, 'Клієнт у відпустці до понеділка']);
    expect(input).toEqual(expect.objectContaining({ title: 'Передзвонити Дах', deal_id: 'd1', assignee_id: me.id }));
    expect(input.due_at).toBeGreaterThan(Date.now());
  });

  it("puts the store's refusal of a move without a reason under the reason", async () => {
    vi.mocked(commands.editTask).mockResolvedValue(refuse('reschedule_reason_required', 'reschedule_reason'));
    renderScreen(<EditTaskDialog task={overdue} onClose={() => {}} />, { info: manager });
    await userEvent.click(await screen.findByTestId('task-edit-due-tomorrow'));
    await userEvent.click(screen.getByTestId('task-edit-save'));
    expect(await screen.findByText('Say why the overdue task is moved')).toBeInTheDocument();
    expect(screen.getByTestId('task-edit-reason')).toHaveAttribute('aria-invalid', 'true');
    expect(commands.editTask).toHaveBeenCalledWith('t1', 1, expect.anything(), null);
  });

  it('offers the head an assignee, and explains why the last open task of a deal stays', async () => {
    vi.mocked(commands.deleteTask).mockResolvedValue(refuse('invalid_state', 'next'));
    renderScreen(<EditTaskDialog task={overdue} onClose={() => {}} />, { info: head });
    expect(await screen.findByTestId('task-edit-assignee')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('task-delete'));
    await userEvent.click(screen.getByTestId('task-delete-confirm'));
    expect(await screen.findByTestId('task-delete-error')).toHaveTextContent(/last open task/);
    expect(commands.deleteTask).toHaveBeenCalledWith('t1', 1);
  });
});
