import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../api/types';
import { When } from '../components/When';

export function TaskItem({ task, overdue, onComplete, onEdit }: {
  task: Task;
  overdue?: boolean;
  onComplete?: (task: Task) => void;
  /** Opens the task's edit dialog (change, move, delete); open tasks only. */
  onEdit?: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const done = task.done_at != null;
  return (
    <Paper withBorder p="sm" data-testid="task-item" data-task-id={task.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge variant="light" size="sm">
              {t(`taskKind.${task.kind}`)}
            </Badge>
            <Text fw={500} td={done ? 'line-through' : undefined}>
              {task.title}
            </Text>
          </Group>
          <Group gap="xs">
            <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
              <When ms={task.due_at} />
            </Text>
            {task.deal_id && (
              <Anchor component={Link} to={`/deals/${task.deal_id}`} size="xs">
                {t('task.openDeal')}
              </Anchor>
            )}
            {!task.deal_id && task.company_id && (
              <Anchor component={Link} to={`/companies/${task.company_id}`} size="xs">
                {t('task.openCompany')}
              </Anchor>
            )}
          </Group>
          {done && task.result && (
            <Text size="sm" c="dimmed">
              {task.result}
            </Text>
          )}
        </Stack>
        {!done && (onComplete || onEdit) && (
          <Group gap="xs" wrap="nowrap">
            {onEdit && (
              <Tooltip label={t('task.edit')}>
                <ActionIcon variant="subtle" aria-label={t('task.edit')} onClick={() => onEdit(task)} data-testid="task-edit">
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
            {onComplete && (
              <Button size="xs" variant="light" onClick={() => onComplete(task)} data-testid="task-complete">
                {t('task.complete')}
              </Button>
            )}
          </Group>
        )}
      </Group>
    </Paper>
  );
}
