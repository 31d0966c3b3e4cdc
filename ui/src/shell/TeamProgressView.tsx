import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamProgress } from '../api/types';
import { formatMoney } from '../components/Money';
import { bpPercent } from './gongText';

/** The team's month so far: received money against what the plan expects by today and in all. */
export function TeamProgressView({ progress }: { progress: TeamProgress }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, progress.currency, i18n.language);
  const today = bpPercent(progress.today_share_bp);
  const month = bpPercent(progress.month_share_bp);
  return (
    <Stack gap={6} data-testid="gong-progress">
      <Text size="sm" fw={500}>
        {t('gong.progressTitle')}
      </Text>
      <Text size="sm" data-testid="gong-progress-today">
        {today == null
          ? t('gong.noPlan')
          : t('gong.today', { fact: money(progress.fact), expected: money(progress.expected_to_date), percent: today })}
      </Text>
      {today != null && <Progress value={Math.min(today, 100)} color={today >= 100 ? 'teal' : 'blue'} />}
      {month != null && (
        <>
          <Text size="xs" c="dimmed" data-testid="gong-progress-month">
            {t('gong.month', { plan: money(progress.plan), percent: month })}
          </Text>
          <Progress value={Math.min(month, 100)} size="sm" color="gray" />
        </>
      )}
    </Stack>
  );
}
