import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, applyFieldError } from '../api/errors';
import { useCompleteTask, useCreateTask } from '../api/tasks';
import type { Task, TaskKind } from '../api/types';
import { defaultNextDue, dueMillis } from './dueDate';
import { NextTaskFields, type NextTaskValues } from './NextTaskFields';

interface Values {
  result: string;
  addNext: boolean;
  next: NextTaskValues;
}

// The store names the task's fields; in this dialog they live under `next`.
const NEXT_ALIASES = { title: 'next.title', due_at: 'next.due', kind: 'next.kind' };

/**
 * Closing a task takes a written result (the server judges whether it says anything) and, in
 * the same dialog, the next step, so a deal is never left without a task.
 */
export function CompleteTaskDialog({ task, onClose }: { task: Task | null; onClose: () => void }) {
  return (
    <Modal opened={!!task} onClose={onClose} title={task?.title} size="lg" data-testid="complete-task-dialog">
      {task && <CompleteTaskForm key={task.id} task={task} onDone={onClose} />}
    </Modal>
  );
}

function CompleteTaskForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteTask();
  const createTask = useCreateTask();
  // Once the result is saved, a retry after a refused next task must not complete it again.
  const [completed, setCompleted] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      result: '',
      addNext: !!task.deal_id,
      next: { kind: task.kind === 'contact_lead' ? 'call' : task.kind, title: '', due: defaultNextDue() },
    },
  });

  const fail = (e: unknown) => {
    if (!applyFieldError(form, e, t, NEXT_ALIASES)) notifyError(t, e);
  };

  const submit = form.onSubmit(async (v) => {
    try {
      if (!completed) {
        await complete.mutateAsync({ task, result: v.result });
        setCompleted(true);
      }
      if (v.addNext) {
        await createTask.mutateAsync({
          kind: v.next.kind as TaskKind,
          title: v.next.title,
          deal_id: task.deal_id,
          company_id: task.company_id,
          contact_id: task.contact_id,
          assignee_id: null,
          due_at: dueMillis(v.next.due),
        });
      }
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
          disabled={completed}
          data-testid="task-result"
          {...form.getInputProps('result')}
        />
        {completed && (
          <Text size="sm" c="teal">
            {t('task.completedAddNext')}
          </Text>
        )}
        <Checkbox
          label={t('task.addNext')}
          data-testid="task-add-next"
          {...form.getInputProps('addNext', { type: 'checkbox' })}
        />
        {form.values.addNext && <NextTaskFields form={form} prefix="next" />}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={complete.isPending || createTask.isPending}
            data-testid="complete-task-submit"
          >
            {t('task.complete')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
