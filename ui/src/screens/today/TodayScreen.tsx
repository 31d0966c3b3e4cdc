import { Badge, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../../api/tasks';
import type { Task, Today } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { ShowMore } from '../../components/ShowMore';
import { CompleteTaskDialog } from '../../tasks/CompleteTaskDialog';
import { TaskItem } from '../../tasks/TaskItem';
import { CheckInsCard } from './CheckInsCard';
import { DealsWithoutTask } from './DealsWithoutTask';

const GROUPS = ['overdue', 'today', 'tomorrow', 'later'] as const satisfies readonly (keyof Today)[];

/** Where a manager starts and ends the day: what is due, and which deals have no next step. */
export function TodayScreen() {
  const { t } = useTranslation();
  const today = useToday();
  const [completing, setCompleting] = useState<Task | null>(null);

  if (today.isPending) return <ListSkeleton rows={6} />;
  if (today.isError) return <QueryError error={today.error} retry={() => void today.refetch()} />;

  const data = today.data;
  const nothing = GROUPS.every((g) => data[g].length === 0);
  return (
    <Stack gap="lg" data-testid="today-screen">
      <Title order={2}>{t('today.title')}</Title>
      <CheckInsCard />
      {nothing && <EmptyState title={t('today.noTasks')} hint={t('today.noTasksHint')} testId="today-empty" />}
      {GROUPS.filter((g) => data[g].length > 0).map((g) => (
        <Stack key={g} gap="xs" data-testid={`task-group-${g}`}>
          <Group gap="xs">
            <Title order={4} c={g === 'overdue' ? 'red' : undefined}>
              {t(`today.${g}`)}
            </Title>
            <Badge variant="light" color={g === 'overdue' ? 'red' : 'gray'}>
              {data[g].length}
            </Badge>
          </Group>
          <ShowMore items={data[g]}>
            {(task) => <TaskItem key={task.id} task={task} overdue={g === 'overdue'} onComplete={setCompleting} />}
          </ShowMore>
        </Stack>
      ))}
      <DealsWithoutTask deals={data.deals_without_task} />
      <CompleteTaskDialog task={completing} onClose={() => setCompleting(null)} />
    </Stack>
  );
}
