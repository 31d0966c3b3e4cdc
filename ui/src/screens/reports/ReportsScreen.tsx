import { Group, Select, Stack, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePipelines } from '../../api/dictionaries';
import { isReportName, REPORT_NAMES, useReport } from '../../api/reports';
import type { Id, ReportFilter, ReportName, ReportView } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { UserSelect } from '../../components/pickers/UserSelect';
import { DashboardFigures } from './DashboardFigures';
import { ExportButton } from './ExportButton';
import { localToday, periodAround, periodKind, type Period, type PeriodKind } from './period';
import { PeriodInput } from './PeriodInput';
import { ReportChart } from './ReportChart';
import { cellLink } from './reportLinks';
import { ReportTableView } from './ReportTableView';
import { tableNotes } from './tableNotes';

/**
 * The head of sales' reports: one chosen in the picker (and in the address, so a report can be
 * linked to), filtered by period, pipeline and manager, shown as its chart and its tables.
 */
export function ReportsScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const name: ReportName = isReportName(params.name) ? params.name : 'dashboard';
  const kind = periodKind(name);
  // Each kind of period keeps its own choice: back from the weekly plan, the month is still there.
  const [periods, setPeriods] = useState<Record<PeriodKind, Period>>(() => {
    const today = localToday();
    return { month: periodAround('month', today), week: periodAround('week', today), range: periodAround('range', today) };
  });
  const [pipelineId, setPipelineId] = useState<Id | null>(null);
  const [managerId, setManagerId] = useState<Id | null>(null);
  const pipelines = usePipelines();

  const filter: ReportFilter = useMemo(
    () => ({ ...periods[kind], pipeline_id: pipelineId, manager_id: managerId }),
    [periods, kind, pipelineId, managerId],
  );
  const report = useReport(name, filter);

  return (
    <Stack gap="md" data-testid="reports-screen">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Title order={2}>{t('reports.title')}</Title>
          <Select
            label={t('reports.picker')}
            data={REPORT_NAMES.map((n) => ({ value: n, label: t(`reports.names.${n}`) }))}
            value={name}
            onChange={(v) => isReportName(v) && navigate(`/reports/${v}`)}
            allowDeselect={false}
            w={260}
            data-testid="report-picker"
          />
          <PeriodInput kind={kind} value={periods[kind]} onChange={(p) => setPeriods((all) => ({ ...all, [kind]: p }))} />
          <Select
            label={t('reports.pipeline')}
            placeholder={t('reports.allPipelines')}
            clearable
            data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={pipelineId}
            onChange={setPipelineId}
            w={200}
            data-testid="report-pipeline"
          />
          <UserSelect
            label={t('reports.manager')}
            placeholder={t('reports.allManagers')}
            clearable
            value={managerId}
            onChange={setManagerId}
            w={200}
            data-testid="report-manager"
          />
        </Group>
        <ExportButton name={name} filter={filter} />
      </Group>
      {report.isPending && <ListSkeleton rows={8} />}
      {report.isError && <QueryError error={report.error} retry={() => void report.refetch()} />}
      {report.isSuccess && <ReportBody view={report.data} filter={filter} />}
    </Stack>
  );
}

function ReportBody({ view, filter }: { view: ReportView; filter: ReportFilter }) {
  const { t } = useTranslation();
  if (view.tables.every((table) => table.rows.length === 0)) {
    return <EmptyState title={t('reports.empty')} hint={t('reports.emptyHint')} testId="report-empty" />;
  }
  const report = view.data;
  return (
    <Stack gap="lg" data-testid={`report-${report.name}`}>
      {report.name === 'dashboard' && <DashboardFigures dashboard={report.data} />}
      <ReportChart report={report} filter={filter} />
      {view.tables.map((table) => (
        <ReportTableView
          key={table.key}
          table={table}
          link={(row, column) => cellLink(report, { table: table.key, row, column }, filter)}
          notes={tableNotes(report, table.key, table.rows.length).map((n) => t(n.key, n.params))}
        />
      ))}
    </Stack>
  );
}
