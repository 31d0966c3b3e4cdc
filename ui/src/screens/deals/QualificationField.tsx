import { ActionIcon, Button, Checkbox, Group, Input, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { listError } from '../../components/listError';
import type { DealFormValues } from './dealFormValues';

/** The qualification checklist: criteria a deal has to meet, each ticked when it does. */
export function QualificationField({ form }: { form: UseFormReturnType<DealFormValues> }) {
  const { t } = useTranslation();
  const items = form.values.qualification;
  return (
    <Input.Wrapper label={t('deal.qualification')} error={listError(form.errors, 'qualification')}>
      <Stack gap={4}>
        {items.map((_, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <Checkbox {...form.getInputProps(`qualification.${i}.met`, { type: 'checkbox' })} />
            <TextInput style={{ flex: 1 }} size="xs" {...form.getInputProps(`qualification.${i}.name`)} />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('common.remove')}
              onClick={() => form.removeListItem('qualification', i)}
            >
              <IconX size={14} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          size="xs"
          variant="subtle"
          w="fit-content"
          onClick={() => form.insertListItem('qualification', { name: '', met: false })}
        >
          {t('deal.addCriterion')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
