import type { SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../components/pickers/UserSelect';
import { useRights } from '../shell/currentUser';

/**
 * Whom a task is for, offered only to those whose role gives tasks to others: a manager's
 * tasks are her own (the store refuses anyone else on `assignee_id`). Empty means the author.
 */
export function AssigneeSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const rights = useRights();
  if (!rights?.assign_to_others) return null;
  return <UserSelect label={t('task.assignee')} placeholder={t('task.assigneeMe')} clearable searchable {...props} />;
}

/** Whether the picker shows, for forms that lay out around it. */
export function useAssignsToOthers(): boolean {
  return useRights()?.assign_to_others ?? false;
}
