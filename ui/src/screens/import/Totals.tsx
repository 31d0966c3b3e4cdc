import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportTotals } from '../../api/types';

const SHOWN = ['rows', 'new', 'duplicates', 'updated', 'skipped', 'refused'] as const;

/** The counts of a dry run or an import, each in its own box for the eye (and the tests). */
export function Totals({ totals }: { totals: ImportTotals }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" data-testid="import-totals">
      {SHOWN.map((k) => (
        <Paper key={k} withBorder p="xs" miw={90}>
          <Text size="xs" c="dimmed">
            {t(`import.totals.${k}`)}
          </Text>
          <Text fw={700} c={k === 'refused' && totals[k] > 0 ? 'red' : undefined} data-testid={`import-total-${k}`}>
            {totals[k]}
          </Text>
        </Paper>
      ))}
    </Group>
  );
}
