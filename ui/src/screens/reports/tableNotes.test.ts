import type { ReportData } from '../../api/types';
import { olena } from '../../test/reportFixtures';
import { tableNotes } from './tableNotes';

describe('table notes', () => {
  const stuck: ReportData = {
    name: 'time-in-stage',
    data: { currency: 'UAH', stuck_after_days: 14, stages: [], stuck: [], stuck_total: 1_500 },
  };

  it('name the threshold and say when a capped list holds more than shown', () => {
    expect(tableNotes(stuck, 'stuck', 1_000)).toEqual([
      { key: 'reports.stuckOver', params: { days: 14 } },
      { key: 'reports.firstOf', params: { shown: 1_000, total: 1_500 } },
    ]);
    expect(tableNotes(stuck, 'stages', 3)).toEqual([]);
  });

  it('say nothing of a list shown whole', () => {
    const lapse = { deal_id: 'd', title: 't', manager: olena, stage: 's', amount: 1, currency: 'UAH', expected_close_date: null, planned_payment_date: null };
    const discipline: ReportData = {
      name: 'discipline',
      data: {
        today: '2026-03-11',
        deals_without_task: [lapse],
        deals_without_task_total: 1,
        overdue_by_manager: [],
        overdue_tasks: [],
        overdue_tasks_total: 0,
        past_due_deals: [],
        past_due_deals_total: 3,
        empty_results: [],
        empty_results_total: 0,
        horizon_days: 30,
        far_ahead_tasks: [],
        far_ahead_tasks_total: 0,
        losses_without_comment: [],
        losses_without_comment_total: 0,
        moved_overdue: [],
        moved_overdue_total: 0,
      },
    };
    expect(tableNotes(discipline, 'deals_without_task', 1)).toEqual([]);
    expect(tableNotes(discipline, 'far_ahead_tasks', 0)).toEqual([{ key: 'reports.aheadOver', params: { days: 30 } }]);
    expect(tableNotes(discipline, 'past_due_deals', 0)).toEqual([{ key: 'reports.firstOf', params: { shown: 0, total: 3 } }]);
  });
});
