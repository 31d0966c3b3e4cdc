import { Button, Checkbox, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/call';
import { notifyError, applyFieldError } from '../api/errors';
import { useCompleteTask } from '../api/tasks';
import type { Task, TaskInput, TaskKind } from '../api/types';
import { defaultNextDue, dueMillis } from './dueDate';
import { LossReviewForm } from './LossReviewForm';
import { NextTaskFields, type NextTaskValues } from './NextTaskFields';

interface Values {
  result: string;
  addNext: boolean;
  next: NextTaskValues;
}

// The store names the next task's fields `next.<field>`; the form keeps its due time as `due`.
const NEXT_ALIASES = { 'next.due_at': 'next.due', 'next.assignee_id': 'next.assignee' };

/**
 * Closing a task takes a written result (the server judges whether it says anything) and, in
 * the same dialog, the next step, so a deal is never left without a task.
 */
export function CompleteTaskDialog({ task, onClose }: { task: Task | null; onClose: () => void }) {
  return (
    <Modal opened={!!task} onClose={onClose} title={task?.title} size="lg" data-testid="complete-task-dialog">
      {/* A loss review ends in its decision, never in a plain result (rule 5). */}
      {task?.kind === 'review_lost' && <LossReviewForm key={task.id} task={task} onDone={onClose} />}
      {task && task.kind !== 'review_lost' && <CompleteTaskForm key={task.id} task={task} onDone={onClose} />}
    </Modal>
  );
}

function CompleteTaskForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteTask();
  const form = useForm<Values>({
    initialValues: {
      result: '',
      addNext: !!task.deal_id,
      next: { kind: task.kind === 'contact_lead' ? 'call' : task.kind, title: '', due: defaultNextDue(), assignee: null },
    },
  });

  const fail = (e: unknown) => {
    // Rule 2: the deal's last open task closes only together with its next one.
    if (e instanceof ApiError && e.code === 'invalid_state' && e.field === 'next') {
      form.setFieldValue('addNext', true);
      form.setFieldError('addNext', t('task.nextRequired'));
      return;
    }
    if (!applyFieldError(form, e, t, NEXT_ALIASES)) notifyError(t, e);
  };

  // One command: the result and the next task are saved together or not at all.
  const submit = form.onSubmit(async (v) => {
    const next: TaskInput | null = v.addNext
      ? {
          kind: v.next.kind as TaskKind,
          title: v.next.title,
          deal_id: task.deal_id,
          company_id: task.company_id,
          contact_id: task.contact_id,
          assignee_id: v.next.assignee,
          due_at: dueMillis(v.next.due),
        }
      : null;
    try {
      await complete.mutateAsync({ task, result: v.result, next });
      onDone();
    } catch (e) {
      fail(e);
    }
  });

  return (
    <form onSubmit={submit} data-testid="complete-task-form">
      <Stack>
        <Textarea
          label={t('task.result')}
          description={t('task.resultHint')}
          autosize
          minRows={3}
          data-autofocus
          data-testid="task-result"
          {...form.getInputProps('result')}
        />
        <Checkbox
          label={t('task.addNext')}
          data-testid="task-add-next"
          {...form.getInputProps('addNext', { type: 'checkbox' })}
        />
        {form.values.addNext && <NextTaskFields form={form} prefix="next" />}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={complete.isPending}
            data-testid="complete-task-submit"
          >
            {t('task.complete')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
