import { NumberInput, PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TLS_MODES } from '../../api/choices';
import type { TeamConnection, TlsMode } from '../../api/types';

/** A PostgreSQL server and a role on it that may create roles, as a new team database needs. */
export interface ServerValues {
  host: string;
  port: number | string;
  database: string;
  user: string;
  password: string;
  tls_mode: TlsMode;
}

export const SERVER_DEFAULTS: ServerValues = {
  host: '',
  port: 5432,
  database: 'voronka',
  user: 'postgres',
  password: '',
  tls_mode: 'prefer',
};

/** The store names the server's URL `db`; the form shows it as the database name. */
export const SERVER_ALIASES = { db: 'database' };

export function serverOf(v: ServerValues): TeamConnection {
  return { host: v.host, port: Number(v.port), database: v.database, user: v.user, tls_mode: v.tls_mode, root_cert: null };
}

/** The server's fields; `prefix` names their test ids (`create-team`, `move-team`). */
export function TeamServerFields<V extends ServerValues>({ form, prefix }: { form: UseFormReturnType<V>; prefix: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('settings.host')} data-testid={`${prefix}-host`} {...form.getInputProps('host')} />
      <NumberInput label={t('settings.port')} min={1} max={65535} {...form.getInputProps('port')} />
      <TextInput label={t('settings.databaseName')} data-testid={`${prefix}-database`} {...form.getInputProps('database')} />
      <TextInput label={t('teamDb.adminLogin')} data-testid={`${prefix}-user`} {...form.getInputProps('user')} />
      <PasswordInput label={t('settings.password')} data-testid={`${prefix}-password`} {...form.getInputProps('password')} />
      <Select
        label={t('settings.tlsMode')}
        data={TLS_MODES.filter((m) => m !== 'verify_full').map((m) => ({ value: m, label: t(`settings.tls.${m}`) }))}
        allowDeselect={false}
        {...form.getInputProps('tls_mode')}
      />
    </SimpleGrid>
  );
}
