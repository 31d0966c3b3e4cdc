import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PLANNABLE_TASK_KINDS } from '../api/choices';

export interface NextTaskValues {
  kind: string;
  title: string;
  due: string;
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
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
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
    </SimpleGrid>
  );
}
