import { Button, Group, NumberInput, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useConnectTeam, useLocalDatabase } from '../../api/app';
import { TLS_MODES } from '../../api/choices';
import { notifyError } from '../../api/errors';
import type { TeamConnection, TlsMode } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';

interface Values {
  host: string;
  port: number | string;
  database: string;
  user: string;
  password: string;
  tls_mode: TlsMode;
  root_cert: string;
}

/**
 * The shared PostgreSQL of a team; the password goes to the OS keychain, never to a file.
 * `offerLocal` adds "Use the local database" (which forgets the team) when a team is saved.
 */
export function TeamDatabaseForm({ team, offerLocal = true }: { team: TeamConnection | null; offerLocal?: boolean }) {
  const isTeam = team != null;
  const { t } = useTranslation();
  const connect = useConnectTeam();
  const local = useLocalDatabase();
  const form = useForm<Values>({
    initialValues: {
      host: team?.host ?? '',
      port: team?.port ?? 5432,
      database: team?.database ?? 'voronka',
      user: team?.user ?? '',
      password: '',
      tls_mode: team?.tls_mode ?? 'prefer',
      root_cert: team?.root_cert ?? '',
    },
  });
  const onError = useFormErrors(form);
  const submit = form.onSubmit((v) =>
    connect.mutate(
      {
        connection: {
          host: v.host,
          port: Number(v.port),
          database: v.database,
          user: v.user,
          tls_mode: v.tls_mode,
          // Only verify-full checks a certificate; the server refuses one given with another mode.
          root_cert: v.tls_mode === 'verify_full' && v.root_cert.trim() ? v.root_cert.trim() : null,
        },
        password: v.password,
      },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('settings.connected') }),
        onError,
      },
    ),
  );
  return (
    <form onSubmit={submit} data-testid="team-database-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('settings.host')} data-testid="team-host" {...form.getInputProps('host')} />
          <NumberInput label={t('settings.port')} min={1} max={65535} {...form.getInputProps('port')} />
          <TextInput label={t('settings.databaseName')} {...form.getInputProps('database')} />
          <TextInput label={t('settings.user')} {...form.getInputProps('user')} />
          <PasswordInput label={t('settings.password')} {...form.getInputProps('password')} />
          <Select
            label={t('settings.tlsMode')}
            data={TLS_MODES.map((m) => ({ value: m, label: t(`settings.tls.${m}`) }))}
            allowDeselect={false}
            data-testid="team-tls-mode"
            {...form.getInputProps('tls_mode')}
          />
        </SimpleGrid>
        {form.values.tls_mode === 'verify_full' && (
          <TextInput
            label={t('settings.rootCert')}
            description={t('settings.rootCertHint')}
            placeholder="/etc/ssl/certs/team-root.pem"
            data-testid="team-root-cert"
            {...form.getInputProps('root_cert')}
          />
        )}
        <Group justify="flex-end">
          {isTeam && offerLocal && (
            <Button
              variant="default"
              loading={local.isPending}
              onClick={() => local.mutate(undefined, { onError: (e) => notifyError(t, e) })}
              data-testid="use-local"
            >
              {t('settings.useLocal')}
            </Button>
          )}
          <Button type="submit" loading={connect.isPending} data-testid="team-connect-submit">
            {t('settings.connect')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
