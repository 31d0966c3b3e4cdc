import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PLANNABLE_TASK_KINDS } from '../api/choices';
import { useEditTask } from '../api/tasks';
import type { Task, TaskKind } from '../api/types';
import { useFormErrors } from '../api/useFormErrors';
import { useNow } from '../components/useNow';
import { AssigneeSelect, useAssignsToOthers } from './AssigneeSelect';
import { DeleteTaskButton } from './DeleteTaskButton';
import { defaultNextDue, dueMillis, PICKER_FORMAT } from './dueDate';
import { TaskReschedules } from './TaskReschedules';

interface Values {
  kind: string;
  title: string;
  due: string;
  assignee: string | null;
  reason: string;
}

/** An open task's title, type, due time and assignee; moving an overdue one asks why. */
export function EditTaskDialog({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!task} onClose={onClose} title={t('task.edit')} size="lg" data-testid="task-edit-dialog">
      {task && <EditTaskForm key={`${task.id}:${task.version}`} task={task} onDone={onClose} />}
    </Modal>
  );
}

function EditTaskForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const edit = useEditTask();
  const now = useNow();
  const assigns = useAssignsToOthers();
  const shownDue = dayjs(task.due_at).format(PICKER_FORMAT);
  const form = useForm<Values>({
    initialValues: { kind: task.kind, title: task.title, due: shownDue, assignee: task.assignee_id, reason: '' },
  });
  // The store names the reason `reschedule_reason`; a refused assignee lands on the picker only
  // where it is shown, elsewhere it is a notification.
  const onError = useFormErrors(
    form,
    assigns
      ? { reschedule_reason: 'reason', due_at: 'due', assignee_id: 'assignee' }
      : { reschedule_reason: 'reason', due_at: 'due' },
  );
  // The picker keeps whole seconds: an untouched due time is sent as the task had it.
  const dueAt = form.values.due === shownDue ? task.due_at : dueMillis(form.values.due);
  // The store decides (rule: an overdue task moved needs a reason); asking here saves a refusal.
  const asksReason = (task.due_at < now && dueAt !== task.due_at) || !!form.errors.reason;

  const submit = form.onSubmit((v) =>
    edit.mutate(
      {
        task,
        input: {
          kind: v.kind as TaskKind,
          title: v.title,
          deal_id: task.deal_id,
          company_id: task.company_id,
          contact_id: task.contact_id,
          assignee_id: v.assignee ?? task.assignee_id,
          due_at: dueAt,
        },
        reason: asksReason ? v.reason.trim() || null : null,
      },
      { onSuccess: onDone, onError },
    ),
  );

  return (
    <form onSubmit={submit} data-testid="task-edit-form">
      <Stack>
        <TextInput label={t('task.title')} data-autofocus data-testid="task-edit-title" {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {/* A loss review stays one (rule 5): its type is not offered. */}
          {task.kind !== 'review_lost' && (
            <Select
              label={t('task.kind')}
              data={PLANNABLE_TASK_KINDS.map((k) => ({ value: k, label: t(`taskKind.${k}`) }))}
              allowDeselect={false}
              data-testid="task-edit-kind"
              {...form.getInputProps('kind')}
            />
          )}
          <AssigneeSelect clearable={false} data-testid="task-edit-assignee" {...form.getInputProps('assignee')} />
        </SimpleGrid>
        <Group align="flex-end" gap="xs">
          <DateTimePicker
            label={t('task.due')}
            valueFormat="DD.MM.YYYY HH:mm"
            style={{ flex: 1 }}
            data-testid="task-edit-due"
            {...form.getInputProps('due')}
          />
          <Button variant="light" onClick={() => form.setFieldValue('due', defaultNextDue())} data-testid="task-edit-due-tomorrow">
            {t('task.dueTomorrow')}
          </Button>
        </Group>
        {asksReason && (
          <Textarea
            label={t('task.rescheduleReason')}
            description={t('task.rescheduleReasonHint')}
            withAsterisk
            autosize
            minRows={2}
            data-testid="task-edit-reason"
            {...form.getInputProps('reason')}
          />
        )}
        <TaskReschedules taskId={task.id} />
        <Group justify="space-between">
          <DeleteTaskButton task={task} onDeleted={onDone} />
          <Button type="submit" loading={edit.isPending} data-testid="task-edit-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
