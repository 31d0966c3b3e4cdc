import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFlagFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ManagerDay, Task } from '../../api/types';
import { ShowMore } from '../../components/ShowMore';
import { TaskItem } from '../../tasks/TaskItem';

const GROUPS = ['overdue', 'today', 'tomorrow'] as const satisfies readonly (keyof ManagerDay)[];

/** One manager's day on the team board: what is due, what slipped, what has no next step. */
export function ManagerColumn({ day, onComplete, onEdit }: {
  day: ManagerDay;
  onComplete: (task: Task) => void;
  onEdit: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Paper withBorder p="sm" w={340} miw={340} data-testid="board-manager" data-user-id={day.user.id}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4} data-testid="board-manager-name" lineClamp={1}>
            {day.user.name}
          </Title>
          <Button size="xs" variant="light" onClick={() => navigate(`/today/${day.user.id}`)} data-testid="board-open-today">
            {t('board.openToday')}
          </Button>
        </Group>
        <Group gap="xs">
          <Text size="sm">{t('board.leadsWaiting')}</Text>
          <Badge variant="light" color={day.leads_waiting > 0 ? 'orange' : 'gray'} data-testid="board-leads-waiting">
            {day.leads_waiting}
          </Badge>
        </Group>
        {GROUPS.map((g) => (
          <Stack key={g} gap={4} data-testid={`board-group-${g}`}>
            <Group gap="xs">
              <Text fw={600} size="sm" c={g === 'overdue' && day[g].length > 0 ? 'red' : undefined}>
                {t(`today.${g}`)}
              </Text>
              <Badge variant="light" color={g === 'overdue' && day[g].length > 0 ? 'red' : 'gray'} data-testid="board-count">
                {day[g].length}
              </Badge>
            </Group>
            <ShowMore items={day[g]}>
              {(task) => (
                <TaskItem key={task.id} task={task} overdue={g === 'overdue'} onComplete={onComplete} onEdit={onEdit} />
              )}
            </ShowMore>
          </Stack>
        ))}
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {t('board.dealsWithoutTask')}
            </Text>
            <Badge variant="light" color={day.deals_without_task.length > 0 ? 'orange' : 'gray'}>
              {day.deals_without_task.length}
            </Badge>
          </Group>
          <ShowMore items={day.deals_without_task}>
            {(d) => (
              <Anchor key={d.id} component={Link} to={`/deals/${d.id}`} size="sm" data-testid="board-deal-without-task">
                <IconFlagFilled size={12} color="var(--mantine-color-orange-6)" style={{ marginRight: 4 }} aria-hidden />
                {d.title}
              </Anchor>
            )}
          </ShowMore>
        </Stack>
      </Stack>
    </Paper>
  );
}
