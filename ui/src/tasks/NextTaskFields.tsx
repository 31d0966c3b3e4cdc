import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PLANNABLE_TASK_KINDS } from '../api/choices';
import { AssigneeSelect, useAssignsToOthers } from './AssigneeSelect';

export interface NextTaskValues {
  kind: string;
  title: string;
  due: string;
  /** Someone else than the author, for those whose role gives tasks to others. */
  assignee: string | null;
}

/** The fields of a new task, under a prefix so they can sit inside a larger form. */
export function NextTaskFields<V>({
  form,
  prefix,
}: {
  form: UseFormReturnType<V>;
  prefix: string;
}) {
  const { t } = useTranslation();
  const path = (f: keyof NextTaskValues) => `${prefix}.${f}`;
  const assigns = useAssignsToOthers();
  return (
    <SimpleGrid cols={{ base: 1, sm: assigns ? 2 : 3 }}>
      <Select
        label={t('task.kind')}
        data={PLANNABLE_TASK_KINDS.map((k) => ({ value: k, label: t(`taskKind.${k}`) }))}
        allowDeselect={false}
        {...form.getInputProps(path('kind'))}
      />
      <TextInput label={t('task.title')} data-testid="next-task-title" {...form.getInputProps(path('title'))} />
      <DateTimePicker
        label={t('task.due')}
        valueFormat="DD.MM.YYYY HH:mm"
        data-testid="next-task-due"
        {...form.getInputProps(path('due'))}
      />
      <AssigneeSelect data-testid="next-task-assignee" {...form.getInputProps(path('assignee'))} />
    </SimpleGrid>
  );
}
