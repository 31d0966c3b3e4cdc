import type { ReportData, ReportFilter } from '../../api/types';
import { dealsLink } from '../deals/dealsLink';

/** Where a click on a report cell leads. */
export interface CellAt {
  table: string;
  row: number;
  column: string;
}

const deal = (id: string) => `/deals/${id}`;
const company = (id: string) => `/companies/${id}`;

/**
 * The deals (or the company) behind a report cell, found in the report's typed data by the
 * table's row order: each report's tables list its rows in the order of its data. `null` where
 * the data does not name the deals (plan sums, shares, counts of tasks). `filter` is the
 * report's own: the funnel counts the deals created in its period, and so do its links.
 */
export function cellLink(report: ReportData, at: CellAt, filter: ReportFilter): string | null {
  switch (report.name) {
    case 'funnel': {
      if (at.table !== 'funnel' || !['stage', 'open_count', 'open_amount'].includes(at.column)) return null;
      const { stages, team, managers } = report.data;
      if (stages.length === 0) return null;
      // Rows run stage by stage for the team, then for each manager.
      const column = [team, ...managers][Math.floor(at.row / stages.length)];
      const stage = stages[at.row % stages.length];
      if (!column || !stage) return null;
      // The stage's open deals of the cohort: what its open count and sum add up.
      return dealsLink({
        pipelineId: stage.pipeline_id,
        stageId: stage.id,
        ownerId: column.manager?.id,
        status: 'open',
        createdFrom: filter.from,
        createdTo: filter.to,
      });
    }
    case 'time-in-stage': {
      if (at.table === 'stuck') {
        const d = report.data.stuck[at.row];
        return d ? deal(d.deal_id) : null;
      }
      // The deals in the stage now: those whose current spell the report counts.
      const s = at.table === 'stages' && at.column === 'stage' ? report.data.stages[at.row] : undefined;
      return s
        ? dealsLink({ pipelineId: s.stage.pipeline_id, stageId: s.stage.id, ownerId: filter.manager_id, status: 'open' })
        : null;
    }
    case 'payment-plan': {
      const p = at.table === 'payments' ? report.data.payments[at.row] : undefined;
      if (!p || at.column === 'manager' || at.column === 'industry') return null;
      if (at.column === 'company') return p.company_id ? company(p.company_id) : null;
      return deal(p.deal_id);
    }
    case 'discipline': {
      const d = report.data;
      if (at.table === 'deals_without_task' || at.table === 'past_due_deals') {
        const lapse = (at.table === 'past_due_deals' ? d.past_due_deals : d.deals_without_task)[at.row];
        return lapse ? deal(lapse.deal_id) : null;
      }
      if (at.table === 'overdue_tasks' || at.table === 'empty_results' || at.table === 'far_ahead_tasks') {
        const list = { overdue_tasks: d.overdue_tasks, empty_results: d.empty_results, far_ahead_tasks: d.far_ahead_tasks };
        const task = list[at.table][at.row];
        return task?.deal_id ? deal(task.deal_id) : null;
      }
      if (at.table === 'losses_without_comment') {
        const loss = d.losses_without_comment[at.row];
        return loss ? deal(loss.deal_id) : null;
      }
      return null;
    }
    case 'abc-xyz': {
      const c = at.table === 'companies' && at.column === 'company' ? report.data.companies[at.row] : undefined;
      return c ? company(c.company_id) : null;
    }
    case 'activity': {
      const c = at.table === 'idle_companies' && at.column === 'company' ? report.data.idle_companies[at.row] : undefined;
      return c ? company(c.company_id) : null;
    }
    default:
      return null;
  }
}
