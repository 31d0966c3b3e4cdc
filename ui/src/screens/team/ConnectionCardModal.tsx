import { Alert, Button, CopyButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionCard } from '../../api/types';

/** The card as text to paste into a message: everything a teammate types in Settings. */
export function cardText(card: ConnectionCard, t: (key: string) => string): string {
  return [
    `${t('settings.host')}: ${card.host}`,
    `${t('settings.port')}: ${card.port}`,
    `${t('settings.databaseName')}: ${card.database}`,
    `${t('settings.user')}: ${card.login}`,
    `${t('settings.password')}: ${card.password}`,
  ].join('\n');
}

/**
 * A teammate's connection card, shown once: the password is kept nowhere but in the database's
 * hash of it, so closing the card forgets it.
 */
export function ConnectionCardModal({ card, name, onClose }: { card: ConnectionCard | null; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const rows: [keyof ConnectionCard, string, string][] = card
    ? [
        ['host', t('settings.host'), card.host],
        ['port', t('settings.port'), String(card.port)],
        ['database', t('settings.databaseName'), card.database],
        ['login', t('settings.user'), card.login],
        ['password', t('settings.password'), card.password],
      ]
    : [];
  return (
    <Modal opened={card != null} onClose={onClose} title={t('team.card.title', { name })} size="md">
      {card && (
        <Stack data-testid="connection-card">
          <Alert color="yellow">{t('team.card.once')}</Alert>
          <Table>
            <Table.Tbody>
              {rows.map(([key, label, value]) => (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {label}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace" data-testid={`card-${key}`}>
                      {value}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <CopyButton value={cardText(card, t)}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy} data-testid="card-copy">
                  {copied ? t('team.card.copied') : t('team.card.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose} data-testid="card-close">
              {t('team.card.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
