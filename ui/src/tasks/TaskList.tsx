import { Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTasks } from '../api/tasks';
import type { TaskFilter } from '../api/types';
import { EmptyState } from '../components/EmptyState';
import { ListSkeleton } from '../components/ListSkeleton';
import { QueryError } from '../components/QueryError';
import { useNow } from '../components/useNow';
import { NewTaskDialog, type TaskLink } from './NewTaskDialog';
import { TaskItem } from './TaskItem';
import { useTaskDialogs } from './useTaskDialogs';

/** The tasks of one deal, company or contact, with adding, editing and completing. */
export function TaskList({ filter, link }: { filter: TaskFilter; link: TaskLink }) {
  const { t } = useTranslation();
  const tasks = useTasks(filter);
  const { onComplete, onEdit, dialogs } = useTaskDialogs();
  const [adding, setAdding] = useState(false);
  const now = useNow();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={5}>{t('task.tasks')}</Title>
        <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="add-task">
          {t('task.new')}
        </Button>
      </Group>
      {tasks.isPending && <ListSkeleton rows={2} />}
      {tasks.isError && <QueryError error={tasks.error} retry={() => void tasks.refetch()} />}
      {tasks.data && tasks.data.items.length === 0 && <EmptyState title={t('task.none')} />}
      {tasks.data?.items.map((task) => (
        <TaskItem
          key={task.id}
          task={task}
          overdue={task.done_at == null && task.due_at < now}
          onComplete={onComplete}
          onEdit={onEdit}
        />
      ))}
      {dialogs}
      <NewTaskDialog opened={adding} onClose={() => setAdding(false)} link={link} />
    </Stack>
  );
}
