import { Badge, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useUserNames } from '../../api/dictionaries';
import { useTodayView } from '../../api/tasks';
import type { Today } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ListExportButton } from '../../components/ListExportButton';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { ShowMore } from '../../components/ShowMore';
import { TaskItem } from '../../tasks/TaskItem';
import { useTaskDialogs } from '../../tasks/useTaskDialogs';
import { useAppInfoContext } from '../../shell/currentUser';
import { CheckInsCard } from './CheckInsCard';
import { DealsWithoutTask } from './DealsWithoutTask';

const GROUPS = ['overdue', 'today', 'tomorrow', 'later'] as const satisfies readonly (keyof Today)[];

/**
 * Where a manager starts and ends the day: what is due, and which deals have no next step.
 * At `/today/:userId` the head sees a teammate's day as the teammate sees it.
 */
export function TodayScreen() {
  const { t } = useTranslation();
  const { userId } = useParams();
  const today = useTodayView(userId);
  const names = useUserNames();
  const { onComplete, onEdit, dialogs } = useTaskDialogs();
  const me = useAppInfoContext()?.user?.id;
  const whose = userId ?? me;

  if (today.isPending) return <ListSkeleton rows={6} />;
  if (today.isError) return <QueryError error={today.error} retry={() => void today.refetch()} />;

  const data = today.data;
  const nothing = GROUPS.every((g) => data[g].length === 0);
  return (
    <Stack gap="lg" data-testid="today-screen" data-user-id={userId}>
      <Group justify="space-between">
        <Title order={2} data-testid="today-title">
          {userId ? t('today.titleOf', { name: names.get(userId) ?? '' }) : t('today.title')}
        </Title>
        {/* The open tasks of this day's person, as a workbook to print or send. */}
        {whose && (
          <ListExportButton
            query={{ list: 'tasks', filter: { assignee_id: whose, deal_id: null, company_id: null, open: true } }}
            columns={[
              { key: 'due_at', title: t('task.due') },
              { key: 'title', title: t('task.title') },
              { key: 'kind', title: t('task.kind') },
              { key: 'deal', title: t('task.openDeal') },
              { key: 'company', title: t('task.openCompany') },
              { key: 'assignee', title: t('task.assignee') },
            ]}
            title={t('task.tasks')}
            filters={[{ label: t('task.assignee'), value: names.get(whose) ?? '' }]}
          />
        )}
      </Group>
      {/* Check-ins are answered by each one for themself. */}
      {!userId && <CheckInsCard />}
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
            {(task) => (
              <TaskItem key={task.id} task={task} overdue={g === 'overdue'} onComplete={onComplete} onEdit={onEdit} />
            )}
          </ShowMore>
        </Stack>
      ))}
      <DealsWithoutTask
        deals={data.deals_without_task}
        title={userId ? t('today.theirDealsWithoutTask') : t('today.dealsWithoutTask')}
      />
      {dialogs}
    </Stack>
  );
}
