import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors';

export function QueryError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('errors.title')} data-testid="query-error">
      {errorText(t, error)}
      {retry && (
        <Button size="xs" variant="light" ml="md" onClick={retry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
