import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBackUpNow, useBackups, useRestoreBackup } from '../../api/backups';
import { errorText } from '../../api/errors';
import type { Backup } from '../../api/types';
import { When } from '../../components/When';
import { useAppInfoContext } from '../../shell/currentUser';

/** Megabytes with one decimal: backups are compared by size at a glance. */
function size(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/**
 * Backups of a local file: taken daily by the app and on demand here, the newest kept in the
 * data folder; a restore (the admin's) puts one back after a confirmation. A team database is
 * backed up on its server, so the section is only shown for a local file.
 */
export function BackupsSection() {
  const { t } = useTranslation();
  const info = useAppInfoContext();
  const local = info?.backend === 'sqlite';
  const backups = useBackups(local);
  const backUp = useBackUpNow();
  const [restoring, setRestoring] = useState<Backup | null>(null);
  if (!local) return null;
  const mayRestore = info?.rights?.setup ?? false;
  const takeNow = () =>
    backUp.mutate(undefined, {
      onSuccess: (b) => notifications.show({ color: 'green', message: t('backups.taken', { name: b.name }) }),
    });
  return (
    <Paper withBorder p="md" data-testid="backups-section">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('backups.title')}</Title>
          <Button variant="light" onClick={takeNow} loading={backUp.isPending} data-testid="backup-now">
            {t('backups.now')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('backups.hint', { kept: backups.data?.kept ?? 7, folder: backups.data?.folder ?? '' })}
        </Text>
        {backUp.error && <Alert color="red">{errorText(t, backUp.error)}</Alert>}
        {backups.error && <Alert color="red">{errorText(t, backups.error)}</Alert>}
        {backups.data && backups.data.items.length === 0 && <Text size="sm">{t('backups.none')}</Text>}
        {backups.data && backups.data.items.length > 0 && (
          <Table data-testid="backups-table">
            <Table.Tbody>
              {backups.data.items.map((b) => (
                <Table.Tr key={b.name} data-testid="backup-row">
                  <Table.Td>
                    <When ms={b.taken_at} />
                  </Table.Td>
                  <Table.Td>{size(b.bytes)}</Table.Td>
                  <Table.Td>
                    {mayRestore && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRestoring(b)} data-testid="backup-restore">
                        {t('backups.restore')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </Paper>
  );
}

function RestoreDialog({ backup, onClose }: { backup: Backup | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const restore = useRestoreBackup();
  const confirm = () => {
    if (!backup) return;
    restore.mutate(backup.name, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('backups.restored') });
        onClose();
      },
    });
  };
  const when = backup ? new Date(backup.taken_at).toLocaleString(i18n.language) : '';
  return (
    <Modal opened={backup !== null} onClose={onClose} title={t('backups.confirmTitle')}>
      <Stack data-testid="restore-dialog">
        <Text size="sm">{t('backups.confirm', { when })}</Text>
        {restore.error && <Alert color="red">{errorText(t, restore.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={restore.isPending} data-testid="restore-confirm">
            {t('backups.restore')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
