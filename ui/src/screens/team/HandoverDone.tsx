import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../../api/dictionaries';
import type { HandoverOutcome } from '../../api/types';

/** What each receiver got, and whether the manager was deactivated with it. */
export function HandoverDone({ outcome }: { outcome: HandoverOutcome }) {
  const { t } = useTranslation();
  const names = useUserNames();
  return (
    <Alert color="teal" variant="light" title={t('handover.done')} data-testid="handover-done">
      <Stack gap={4}>
        {outcome.shares.map((s) => (
          <Text key={s.receiver_id} size="sm" data-testid="handover-share" data-user-id={s.receiver_id}>
            <b>{names.get(s.receiver_id) ?? ''}</b>:{' '}
            {t('handover.share', { companies: s.companies, contacts: s.contacts, deals: s.deals, tasks: s.tasks })}
          </Text>
        ))}
        {outcome.deactivated && (
          <Text size="sm" data-testid="handover-deactivated">
            {t('handover.deactivated', { name: names.get(outcome.deactivated) ?? '' })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
