import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../api/types';

/** The import under way: rows done of the rows the preview counted, and the way to stop it. */
export function RunStep({ progress, total, cancelling, onCancel }: {
  progress: ImportProgress | null;
  total: number;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const rows = progress?.rows ?? 0;
  return (
    <Stack data-testid="import-running">
      <Text size="sm">{t('import.running', { rows, total })}</Text>
      <Progress value={total > 0 ? (100 * rows) / total : 0} animated data-testid="import-progress" />
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={onCancel} loading={cancelling} data-testid="import-cancel">
          {t('import.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
