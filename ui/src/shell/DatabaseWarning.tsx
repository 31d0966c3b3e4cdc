import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/call';
import { errorText } from '../api/errors';
import type { ApiErrorData } from '../api/types';

/** The team database could not be opened at start: say so on every screen until it is fixed. */
export function DatabaseWarning({ warning }: { warning: ApiErrorData }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" mb="md" title={t('settings.teamUnavailable')} data-testid="database-warning">
      {errorText(t, new ApiError(warning))}{' '}
      <Anchor component={Link} to="/settings" size="sm">
        {t('nav.settings')}
      </Anchor>
    </Alert>
  );
}
