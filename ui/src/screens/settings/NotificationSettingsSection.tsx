import { Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNotificationSettings } from '../../api/gong';
import { QueryError } from '../../components/QueryError';
import { NotificationSettingsForm } from './NotificationSettingsForm';

export function NotificationSettingsSection() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const reload = () => void settings.refetch();
  return (
    <Paper withBorder p="md" data-testid="notification-settings">
      <Stack gap="xs">
        <Title order={4}>{t('settings.notifications.title')}</Title>
        {settings.error ? (
          <QueryError error={settings.error} retry={reload} />
        ) : settings.data ? (
          // A reload after a conflict brings a new version; a fresh form starts from its values.
          <NotificationSettingsForm key={settings.data.version} stored={settings.data} onReload={reload} />
        ) : (
          <Skeleton h={200} />
        )}
      </Stack>
    </Paper>
  );
}
