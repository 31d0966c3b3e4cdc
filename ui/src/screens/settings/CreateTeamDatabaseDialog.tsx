import { Button, Group, Modal, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { TLS_MODES } from '../../api/choices';
import { useCreateTeamDatabase } from '../../api/team';
import type { Language, TlsMode } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';

interface Values {
  host: string;
  port: number | string;
  database: string;
  user: string;
  password: string;
  tls_mode: TlsMode;
  name: string;
  email: string;
}

/** The store names the first admin's fields `name` and `email`, and the server's URL `db`. */
const ALIASES = { db: 'database' };

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
    initialValues: {
      host: '',
      port: 5432,
      database: 'voronka',
      user: 'postgres',
      password: '',
      tls_mode: 'prefer',
      name: '',
      email: '',
    },
  });
  const onError = useFormErrors(form, ALIASES);
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        server: {
          host: v.host,
          port: Number(v.port),
          database: v.database,
          user: v.user,
          tls_mode: v.tls_mode,
          root_cert: null,
        },
        password: v.password,
        admin: {
          name: v.name,
          email: v.email.trim() || null,
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('settings.host')} data-testid="create-team-host" {...form.getInputProps('host')} />
          <NumberInput label={t('settings.port')} min={1} max={65535} {...form.getInputProps('port')} />
          <TextInput label={t('settings.databaseName')} data-testid="create-team-database" {...form.getInputProps('database')} />
          <TextInput label={t('teamDb.adminLogin')} data-testid="create-team-user" {...form.getInputProps('user')} />
          <PasswordInput label={t('settings.password')} data-testid="create-team-password" {...form.getInputProps('password')} />
          <Select
            label={t('settings.tlsMode')}
            data={TLS_MODES.filter((m) => m !== 'verify_full').map((m) => ({ value: m, label: t(`settings.tls.${m}`) }))}
            allowDeselect={false}
            {...form.getInputProps('tls_mode')}
          />
        </SimpleGrid>
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
