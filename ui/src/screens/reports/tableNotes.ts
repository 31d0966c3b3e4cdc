import type { ReportData } from '../../api/types';

/** A line under a table's title: its threshold, or that a long list was cut. */
export interface TableNote {
  key: 'reports.stuckOver' | 'reports.idleOver' | 'reports.aheadOver' | 'reports.firstOf';
  params: Record<string, number>;
}

/**
 * Open-ended lists come capped (the most urgent first) with their full count; the head is told
 * when there are more than shown, and what threshold made a deal stuck or a company idle.
 */
export function tableNotes(report: ReportData, table: string, rows: number): TableNote[] {
  const notes: TableNote[] = [];
  const cut = (total: number) => {
    if (total > rows) notes.push({ key: 'reports.firstOf', params: { shown: rows, total } });
  };
  if (report.name === 'time-in-stage' && table === 'stuck') {
    notes.push({ key: 'reports.stuckOver', params: { days: report.data.stuck_after_days } });
    cut(report.data.stuck_total);
  }
  if (report.name === 'activity' && table === 'idle_companies') {
    notes.push({ key: 'reports.idleOver', params: { days: report.data.idle_after_days } });
    cut(report.data.idle_companies_total);
  }
  if (report.name === 'discipline') {
    const d = report.data;
    const totals: Record<string, number> = {
      deals_without_task: d.deals_without_task_total,
      overdue_tasks: d.overdue_tasks_total,
      past_due_deals: d.past_due_deals_total,
      empty_results: d.empty_results_total,
      far_ahead_tasks: d.far_ahead_tasks_total,
      losses_without_comment: d.losses_without_comment_total,
      moved_overdue: d.moved_overdue_total,
    };
    if (table === 'far_ahead_tasks') notes.push({ key: 'reports.aheadOver', params: { days: d.horizon_days } });
    if (table in totals) cut(totals[table] ?? 0);
  }
  return notes;
}
