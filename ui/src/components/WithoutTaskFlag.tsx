import { Text, Tooltip } from '@mantine/core';
import { IconFlagFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../api/types';

/**
 * Rule 2's flag on an open deal with no open task, wherever the deal is shown. The store
 * computes `without_task` as it reads the deal, so everyone sees the same deals flagged.
 */
export function WithoutTaskFlag({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  if (!deal.without_task) return null;
  return (
    <Tooltip label={t('deal.withoutTask')}>
      <Text span c="orange" mr={4} data-testid="deal-without-task-flag" role="img" aria-label={t('deal.withoutTask')}>
        <IconFlagFilled size={14} style={{ verticalAlign: '-2px' }} aria-hidden />
      </Text>
    </Tooltip>
  );
}
