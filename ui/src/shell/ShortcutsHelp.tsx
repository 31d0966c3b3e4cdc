import { ActionIcon, Group, Kbd, Modal, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys, useOs } from '@mantine/hooks';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { keyLabel, SCREENS, SHORTCUTS } from './shortcuts';

/** Binds the app-wide shortcuts and shows the list of all of them on Shift+? or F1. */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mac = useOs() === 'macos';
  const [opened, { open, close }] = useDisclosure(false);
  useHotkeys([
    ['shift+?', open],
    ['F1', open],
    ...SCREENS.map((screen, i): [string, () => void] => [`alt+${i + 1}`, () => navigate(`/${screen}`)]),
  ]);

  return (
    <>
      <Tooltip label={t('shortcuts.title')}>
        <ActionIcon variant="subtle" size="lg" onClick={open} aria-label={t('shortcuts.title')} data-testid="shortcuts-button">
          <IconKeyboard size={20} stroke={1.6} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={t('shortcuts.title')} size="lg">
        <Table data-testid="shortcuts-help">
          <Table.Tbody>
            {SHORTCUTS.map((s) => (
              <Table.Tr key={s.label}>
                <Table.Td>
                  <Group gap={6}>
                    {s.keys.map((k) => (
                      <Kbd key={k}>{keyLabel(k, mac)}</Kbd>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t(`shortcuts.${s.label}`)}
                  {s.where && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      — {t(`shortcuts.where.${s.where}`)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </>
  );
}
