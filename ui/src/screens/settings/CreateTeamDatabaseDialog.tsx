import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCreateTeamDatabase } from '../../api/team';
import type { Language } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';
import { SERVER_ALIASES, SERVER_DEFAULTS, serverOf, TeamServerFields, type ServerValues } from './TeamServerFields';

/** The store names the first admin's fields `name` and `email`. */
interface Values extends ServerValues {
  name: string;
  email: string;
}

/**
 * Settings → Team database → "Create a team database": the credentials of a PostgreSQL role that
 * may create roles, used once and kept nowhere, and the first admin. Voronka then signs in as
 * the admin's own new login and asks them to choose their password.
 */
export function CreateTeamDatabaseDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('teamDb.title')} size="lg">
      {opened && <CreateTeamDatabaseForm onDone={onClose} />}
    </Modal>
  );
}

function CreateTeamDatabaseForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateTeamDatabase();
  const form = useForm<Values>({
    initialValues: { ...SERVER_DEFAULTS, name: '', email: '' },
  });
  const onError = useFormErrors(form, SERVER_ALIASES);
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        server: serverOf(v),
        password: v.password,
        admin: {
          name: v.name,
          email: v.email.trim() || null,
          // Their phone goes in Settings → General with the rest of their contacts.
          phone: null,
          role: 'admin',
          active: true,
          time_zone: null,
          language: i18n.language as Language,
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('teamDb.created') });
          onDone();
        },
        onError,
      },
    ),
  );
  return (
    <form onSubmit={submit} data-testid="create-team-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('teamDb.intro')}
        </Text>
        <TeamServerFields form={form} prefix="create-team" />
        <Title order={5}>{t('teamDb.firstAdmin')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('team.name')} data-testid="create-team-name" {...form.getInputProps('name')} />
          <TextInput label={t('team.email')} data-testid="create-team-email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="create-team-submit">
            {t('teamDb.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
