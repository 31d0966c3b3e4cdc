import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/call';
import { errorText } from '../api/errors';
import { useDeleteTask } from '../api/tasks';
import type { Task } from '../api/types';

/** Deletes a task after a second click; the store keeps an open deal's last open task. */
export function DeleteTaskButton({ task, onDeleted }: { task: Task; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteTask();
  const [confirming, setConfirming] = useState(false);
  const refusal = remove.error
    ? // Rule 2, said as what to do rather than as a state the record is in.
      isApiError(remove.error, 'invalid_state') && remove.error.field === 'next'
      ? t('task.deleteLastOpen')
      : errorText(t, remove.error)
    : null;
  if (!confirming) {
    return (
      <Button variant="subtle" color="red" onClick={() => setConfirming(true)} data-testid="task-delete">
        {t('task.delete')}
      </Button>
    );
  }
  return (
    <Group gap="xs">
      {refusal ? (
        <Text size="sm" c="red" maw={320} data-testid="task-delete-error">
          {refusal}
        </Text>
      ) : (
        <Text size="sm">{t('task.deleteConfirmText')}</Text>
      )}
      <Button
        color="red"
        loading={remove.isPending}
        disabled={!!refusal}
        onClick={() => remove.mutate(task, { onSuccess: onDeleted })}
        data-testid="task-delete-confirm"
      >
        {t('task.delete')}
      </Button>
      <Button
        variant="default"
        onClick={() => {
          remove.reset();
          setConfirming(false);
        }}
      >
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
