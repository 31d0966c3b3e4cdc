import { Paper, Select, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Funnel, ReportData, ReportFilter } from '../../api/types';
import { formatMoney } from '../../components/Money';
import { abcXyzOption } from './charts/abcXyzChart';
import { fulfilmentOption } from './charts/activityChart';
import { dashboardOption } from './charts/dashboardChart';
import { EChart } from './charts/EChart';
import type { ChartOption } from './charts/echarts';
import { funnelOption, funnelSteps } from './charts/funnelChart';
import { lossOption } from './charts/lossChart';
import { cellLink } from './reportLinks';

/** The chart that fits a report, above its tables; reports that are lists have none. */
export function ReportChart({ report, filter }: { report: ReportData; filter: ReportFilter }) {
  const { t, i18n } = useTranslation();
  const option = useMemo((): ChartOption | null => {
    switch (report.name) {
      case 'dashboard':
        return report.data.managers.length === 0
          ? null
          : dashboardOption(report.data, {
              plan: t('reports.chart.plan'),
              fact: t('reports.chart.fact'),
              expected: t('reports.chart.expected'),
            });
      case 'loss-reasons':
        return report.data.by_manager.length === 0 ? null : lossOption(report.data, t('reports.chart.noReason'));
      case 'abc-xyz':
        return report.data.companies.length === 0
          ? null
          : abcXyzOption(report.data, (minor) => formatMoney(minor, report.data.currency, i18n.language));
      case 'activity':
        return report.data.plan_fulfilment.length === 0 ? null : fulfilmentOption(report.data, t('reports.chart.planLine'));
      default:
        return null;
    }
  }, [report, t, i18n.language]);

  if (report.name === 'funnel') return <FunnelChartPanel funnel={report.data} filter={filter} />;
  if (!option) return null;
  return (
    <Paper withBorder p="sm">
      <EChart option={option} testId={`chart-${report.name}`} />
    </Paper>
  );
}

/** The funnel of the team or of one manager; a click on a stage opens its deals. */
function FunnelChartPanel({ funnel, filter }: { funnel: Funnel; filter: ReportFilter }) {
  const pipelineId = filter.pipeline_id ?? null;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [column, setColumn] = useState('0');
  const index = Number(column);
  const option = useMemo(() => funnelOption(funnel, index, pipelineId), [funnel, index, pipelineId]);
  const steps = useMemo(() => funnelSteps(funnel, index, pipelineId), [funnel, index, pipelineId]);
  if (funnel.team.created === 0) return null;
  const choices = [
    { value: '0', label: t('reports.team') },
    ...funnel.managers.map((m, i) => ({ value: String(i + 1), label: m.manager?.name ?? '' })),
  ];
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Select
          size="xs"
          w={240}
          label={t('reports.chartOf')}
          data={choices}
          value={column}
          onChange={(v) => v && setColumn(v)}
          allowDeselect={false}
          data-testid="funnel-column"
        />
        <EChart
          option={option}
          testId="chart-funnel"
          onItemClick={({ dataIndex }) => {
            const step = steps[dataIndex];
            const to = step && cellLink({ name: 'funnel', data: funnel }, { table: 'funnel', row: step.row, column: 'stage' }, filter);
            if (to) void navigate(to);
          }}
        />
      </Stack>
    </Paper>
  );
}
