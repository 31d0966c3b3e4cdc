import { Badge, Button, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBackToTeam } from '../api/app';
import { notifyError } from '../api/errors';

/**
 * The header's mark while the local file stands in for the team database that failed at start:
 * what is done here does not reach the team, until "Back to the team database".
 */
export function LocalFileBadge() {
  const { t } = useTranslation();
  const back = useBackToTeam();
  return (
    <Group gap="xs" wrap="nowrap" data-testid="local-file-badge">
      <Tooltip label={t('localFile.hint')} multiline w={300}>
        <Badge color="orange" variant="filled">
          {t('localFile.badge')}
        </Badge>
      </Tooltip>
      <Button
        size="compact-sm"
        variant="light"
        color="orange"
        loading={back.isPending}
        onClick={() => back.mutate(undefined, { onError: (e) => notifyError(t, e) })}
        data-testid="back-to-team"
      >
        {t('localFile.backToTeam')}
      </Button>
    </Group>
  );
}
