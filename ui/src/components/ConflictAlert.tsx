import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Optimistic concurrency lost: someone saved first, so the form's version is stale. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" data-testid="conflict-alert">
      <Group justify="space-between">
        <Text size="sm">{t('errors.conflict')}</Text>
        <Button size="xs" variant="light" onClick={onReload} data-testid="conflict-reload">
          {t('common.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
