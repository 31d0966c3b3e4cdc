import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../api/dictionaries';
import { useTaskReschedules } from '../api/tasks';
import type { Id } from '../api/types';
import { When } from '../components/When';

/** Each earlier move of the task's due time while it was overdue, with the reason given. */
export function TaskReschedules({ taskId }: { taskId: Id }) {
  const { t } = useTranslation();
  const moves = useTaskReschedules(taskId);
  const names = useUserNames();
  if (!moves.data || moves.data.length === 0) return null;
  return (
    <Stack gap={4} data-testid="task-reschedules">
      <Text size="sm" fw={500}>
        {t('task.reschedules')}
      </Text>
      {moves.data.map((m) => (
        <Text key={m.id} size="sm" data-testid="task-reschedule">
          <Text span c="dimmed" size="xs">
            <When ms={m.from_due_at} /> → <When ms={m.to_due_at} /> · {names.get(m.user_id) ?? ''}
          </Text>
          <br />
          {m.reason}
        </Text>
      ))}
    </Stack>
  );
}
