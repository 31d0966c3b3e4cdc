import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types';
import { Money } from '../../components/Money';
import { cellText } from './cellText';

/** The team's month at a glance, above the chart: what the head looks at first each morning. */
export function DashboardFigures({ dashboard: d }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const percent = (p: number | null) => cellText(p === null ? { kind: 'empty' } : { kind: 'percent', value: p }, i18n.language);
  const figures = [
    { key: 'plan', label: t('reports.columns.plan'), value: <Money minor={d.team.plan} currency={d.currency} /> },
    { key: 'fact', label: t('reports.columns.fact'), value: <Money minor={d.team.fact} currency={d.currency} /> },
    { key: 'percent_of_plan', label: t('reports.columns.percent_of_plan'), value: percent(d.team.percent_of_plan) },
    {
      key: 'expected_to_date',
      label: t('reports.columns.expected_to_date'),
      value: <Money minor={d.team.expected_to_date} currency={d.currency} />,
    },
    { key: 'forecast', label: t('reports.columns.forecast'), value: <Money minor={d.team.forecast} currency={d.currency} /> },
  ];
  return (
    <div>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        {figures.map((f) => (
          <Paper key={f.key} withBorder p="sm" data-testid={`dashboard-${f.key}`}>
            <Text size="xs" c="dimmed">
              {f.label}
            </Text>
            <Text fw={700} size="lg">
              {f.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text c="dimmed" size="sm" mt="xs">
        {t('reports.daysToDate', { elapsed: d.working_days_elapsed, total: d.working_days })}
      </Text>
    </div>
  );
}
