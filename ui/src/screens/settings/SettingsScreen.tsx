import { Button, Group, Paper, SegmentedControl, Stack, Tabs, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAppInfoContext } from '../../shell/currentUser';
import { AboutSection } from './AboutSection';
import { BackupsSection } from './BackupsSection';
import { CreateTeamDatabaseDialog } from './CreateTeamDatabaseDialog';
import { MoveToTeamDialog } from './MoveToTeamDialog';
import { NotificationSettingsSection } from './NotificationSettingsSection';
import { MyContactsForm } from './MyContactsForm';
import { PreferencesFields } from './PreferencesFields';
import { DictionariesSettings } from './dictionaries/DictionariesSettings';
import { PipelinesSettings } from './pipelines/PipelinesSettings';
import { LeadRotationForm } from './process/LeadRotationForm';
import { ProcessSettingsForm } from './process/ProcessSettingsForm';
import { ProposalTemplateForm } from './ProposalTemplateForm';
import { TeamDatabaseForm } from './TeamDatabaseForm';

/** The tabs of Settings: mine, then how the department is set up (read by all, the admin's to change). */
const TABS = ['general', 'pipelines', 'dictionaries', 'process', 'proposal', 'about'] as const;
type Tab = (typeof TABS)[number];

export function SettingsScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const info = useAppInfoContext();
  // The proposal template is the admin's alone: it is only shown to whoever may change it.
  const tabs = TABS.filter((x) => x !== 'proposal' || info?.rights?.setup);
  const current: Tab = tabs.find((x) => x === tab) ?? 'general';
  return (
    <Stack gap="md" data-testid="settings-screen">
      <Title order={2}>{t('settings.title')}</Title>
      <Tabs value={current} onChange={(v) => v && void navigate(v === 'general' ? '/settings' : `/settings/${v}`)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((x) => (
            <Tabs.Tab key={x} value={x} data-testid={`settings-tab-${x}`}>
              {t(`setup.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="general" pt="md">
          <GeneralSettings />
        </Tabs.Panel>
        <Tabs.Panel value="pipelines" pt="md">
          <PipelinesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="dictionaries" pt="md">
          <DictionariesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="process" pt="md">
          <Stack gap="lg">
            <ProcessSettingsForm />
            <LeadRotationForm />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="proposal" pt="md">
          <ProposalTemplateForm />
        </Tabs.Panel>
        <Tabs.Panel value="about" pt="md">
          <AboutSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** The signed-in person's own settings and the database's connection. */
function GeneralSettings() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const info = useAppInfoContext();
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState(false);
  // Only the admin of a local file moves it: the core refuses anyone else too.
  const mayMove = info?.backend === 'sqlite' && !!info.rights?.setup;
  return (
    <Stack gap="md" maw={640}>
      {info?.user && <MyContactsForm key={info.user.id} user={info.user} />}
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
            {mayMove && (
              <Button variant="subtle" onClick={() => setMoving(true)} data-testid="move-team-open">
                {t('moveTeam.open')}
              </Button>
            )}
            <Button variant="subtle" onClick={() => setCreating(true)} data-testid="create-team-open">
              {t('teamDb.open')}
            </Button>
          </Group>
          <CreateTeamDatabaseDialog opened={creating} onClose={() => setCreating(false)} />
          <MoveToTeamDialog opened={moving} onClose={() => setMoving(false)} />
        </Stack>
      </Paper>
      <BackupsSection />
    </Stack>
  );
}
