import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCreateTask } from '../api/tasks';
import type { Id, TaskKind } from '../api/types';
import { useFormErrors } from '../api/useFormErrors';
import { defaultNextDue, dueMillis } from './dueDate';
import { NextTaskFields, type NextTaskValues } from './NextTaskFields';

export interface TaskLink {
  deal_id?: Id | null;
  company_id?: Id | null;
  contact_id?: Id | null;
}

const ALIASES = { title: 'task.title', due_at: 'task.due', kind: 'task.kind', assignee_id: 'task.assignee' };

export function NewTaskDialog({ opened, onClose, link }: { opened: boolean; onClose: () => void; link: TaskLink }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('task.new')} size="lg">
      {opened && <NewTaskForm link={link} onDone={onClose} />}
    </Modal>
  );
}

function NewTaskForm({ link, onDone }: { link: TaskLink; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTask();
  const form = useForm<{ task: NextTaskValues }>({
    initialValues: { task: { kind: 'call', title: '', due: defaultNextDue(), assignee: null } },
  });
  const onError = useFormErrors(form, ALIASES);
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        kind: v.task.kind as TaskKind,
        title: v.task.title,
        deal_id: link.deal_id ?? null,
        company_id: link.company_id ?? null,
        contact_id: link.contact_id ?? null,
        assignee_id: v.task.assignee,
        due_at: dueMillis(v.task.due),
      },
      { onSuccess: onDone, onError },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        <NextTaskFields form={form} prefix="task" />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="new-task-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
