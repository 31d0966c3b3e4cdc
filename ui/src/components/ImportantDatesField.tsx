import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportantDate } from '../api/types';
import { listError } from './listError';
import { DayInput } from './DayInput';

/** Holidays and anniversaries worth a call: a label and a date each. */
export function ImportantDatesField<V extends { important_dates: ImportantDate[] }>({
  form,
}: {
  form: UseFormReturnType<V>;
}) {
  const { t } = useTranslation();
  // Mantine's form typing cannot follow a generic path; the field is known to be this list.
  const f = form as unknown as UseFormReturnType<{ important_dates: ImportantDate[] }>;
  return (
    <Input.Wrapper label={t('fields.importantDates')} error={listError(f.errors, 'important_dates')}>
      <Stack gap={4}>
        {f.values.important_dates.map((_, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput size="xs" style={{ flex: 1 }} placeholder={t('fields.dateLabel')} {...f.getInputProps(`important_dates.${i}.label`)} />
            <DayInput size="xs" w={140} {...f.getInputProps(`important_dates.${i}.date`)} />
            <ActionIcon variant="subtle" color="gray" aria-label={t('common.remove')} onClick={() => f.removeListItem('important_dates', i)}>
              <IconX size={14} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button size="xs" variant="subtle" w="fit-content" onClick={() => f.insertListItem('important_dates', { label: '', date: '' })}>
          {t('fields.addDate')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
