import { Button, Group, Paper, SegmentedControl, Stack, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfoContext } from '../../shell/currentUser';
import { CreateTeamDatabaseDialog } from './CreateTeamDatabaseDialog';
import { NotificationSettingsSection } from './NotificationSettingsSection';
import { PreferencesFields } from './PreferencesFields';
import { ProposalTemplateForm } from './ProposalTemplateForm';
import { TeamDatabaseForm } from './TeamDatabaseForm';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const info = useAppInfoContext();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md" maw={640} data-testid="settings-screen">
      <Title order={2}>{t('settings.title')}</Title>
      <Paper withBorder p="md">
        <Stack>
          {info?.user && <PreferencesFields user={info.user} />}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('settings.theme')}
            </Text>
            <SegmentedControl
              value={colorScheme}
              onChange={(v) => setColorScheme(v as MantineColorScheme)}
              data={[
                { value: 'light', label: t('settings.theme_light') },
                { value: 'dark', label: t('settings.theme_dark') },
                { value: 'auto', label: t('settings.theme_auto') },
              ]}
              data-testid="settings-theme"
            />
          </Stack>
        </Stack>
      </Paper>
      <NotificationSettingsSection />
      {info?.rights?.setup && <ProposalTemplateForm />}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('settings.database')}</Title>
          {info && (
            <Text size="sm" data-testid="current-database">
              {t(`settings.backend.${info.backend}`)}: {info.database} · {t('settings.schema', { version: info.schema_version })} ·{' '}
              {t('settings.version', { version: info.version })}
            </Text>
          )}
          {/* While the local file stands in for the team database, the form holds the team's. */}
          <TeamDatabaseForm team={info?.team ?? info?.team_waiting ?? null} />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setCreating(true)} data-testid="create-team-open">
              {t('teamDb.open')}
            </Button>
          </Group>
          <CreateTeamDatabaseDialog opened={creating} onClose={() => setCreating(false)} />
        </Stack>
      </Paper>
    </Stack>
  );
}
