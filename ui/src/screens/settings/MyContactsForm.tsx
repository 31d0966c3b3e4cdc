import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSaveMyContacts } from '../../api/app';
import type { User } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';

interface Values {
  name: string;
  email: string;
  phone: string;
}

const valuesOf = (user: User): Values => ({ name: user.name, email: user.email ?? '', phone: user.phone ?? '' });

/**
 * The signed-in person's name, email and phone: what teammates see and what a proposal prints
 * as the manager's contacts. Saved at the version read; the store says which field is wrong.
 */
export function MyContactsForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const save = useSaveMyContacts();
  const form = useForm<Values>({ initialValues: valuesOf(user) });
  const onError = useFormErrors(form);
  const submit = form.onSubmit((v) =>
    save.mutate(
      { version: user.version, contacts: { name: v.name, email: v.email.trim() || null, phone: v.phone.trim() || null } },
      {
        onSuccess: (saved) => {
          form.setValues(valuesOf(saved));
          form.resetDirty(valuesOf(saved));
          notifications.show({ color: 'teal', message: t('settings.contactsSaved') });
        },
        onError,
      },
    ),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} data-testid="my-contacts-form">
        <Stack gap="sm">
          <div>
            <Title order={4}>{t('settings.contacts')}</Title>
            <Text size="sm" c="dimmed">
              {t('settings.contactsHint')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('team.name')} data-testid="my-name" {...form.getInputProps('name')} />
            <TextInput label={t('team.email')} data-testid="my-email" {...form.getInputProps('email')} />
            <TextInput label={t('team.phone')} data-testid="my-phone" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} data-testid="my-contacts-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
