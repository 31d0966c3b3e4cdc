import { Alert, Button, CopyButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAbout } from '../../api/app';
import { errorText } from '../../api/errors';
import type { About } from '../../api/types';

/** The rows a support request needs, each a translated label and the shell's value. */
function rows(t: TFunction, about: About): [string, string][] {
  const database = about.database
    ? `${about.backend ? `${t(`settings.backend.${about.backend}`)}: ` : ''}${about.database}`
    : t('about.noDatabase');
  return [
    [t('about.version'), `Voronka ${about.version}`],
    [t('about.database'), database],
    [t('about.dataFolder'), about.data_folder ?? '—'],
    [t('about.logFile'), about.log_file ?? '—'],
    [t('about.settingsFile'), about.settings_file ?? '—'],
    [t('about.platform'), about.platform],
  ];
}

/**
 * Settings → About: the version, the database in use (never its password), the data folder
 * and the log file, and a button that copies them as text for a support request.
 */
export function AboutSection() {
  const { t } = useTranslation();
  const about = useAbout();
  const lines = about.data ? rows(t, about.data) : [];
  const text = lines.map(([label, value]) => `${label}: ${value}`).join('\n');
  return (
    <Paper withBorder p="md" maw={800} data-testid="about-section">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('about.title')}</Title>
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy} disabled={lines.length === 0} data-testid="about-copy">
                {copied ? t('about.copied') : t('about.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {about.error && <Alert color="red">{errorText(t, about.error)}</Alert>}
        <Table data-testid="about-table">
          <Table.Tbody>
            {lines.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Td fw={500}>{label}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          {t('about.hint')}
        </Text>
      </Stack>
    </Paper>
  );
}
