import type { ReportData, ReportFilter } from '../../api/types';
import { funnel, olena } from '../../test/reportFixtures';
import { readDealsLink } from '../deals/dealsLink';
import { cellLink } from './reportLinks';

const params = (link: string | null) => readDealsLink(new URLSearchParams(link?.split('?')[1] ?? ''));

describe('report cell links', () => {
  const f: ReportData = { name: 'funnel', data: funnel };
  const period: ReportFilter = { from: '2026-05-06', to: '2026-11-01', pipeline_id: null, manager_id: null };

  it('lead from a funnel stage to the open deals of that stage and manager created in the period', () => {
    // Row 3 is Olena's second stage.
    expect(params(cellLink(f, { table: 'funnel', row: 3, column: 'open_count' }, period))).toEqual({
      pipelineId: 'pipe-1',
      stageId: 'stage-2',
      ownerId: olena.id,
      status: 'open',
      createdFrom: '2026-05-06',
      createdTo: '2026-11-01',
    });
    // The team's rows name no manager.
    expect(params(cellLink(f, { table: 'funnel', row: 0, column: 'stage' }, period))).toEqual({
      pipelineId: 'pipe-1',
      stageId: 'stage-1',
      ownerId: null,
      status: 'open',
      createdFrom: '2026-05-06',
      createdTo: '2026-11-01',
    });
    expect(cellLink(f, { table: 'funnel', row: 0, column: 'conversion_to_next' }, period)).toBeNull();
    expect(cellLink(f, { table: 'summary', row: 0, column: 'won' }, period)).toBeNull();
    expect(cellLink(f, { table: 'funnel', row: 9, column: 'open_count' }, period)).toBeNull();
  });

  it('lead from a stuck deal, a planned payment and a lapse to the deal card', () => {
    const stuck: ReportData = {
      name: 'time-in-stage',
      data: {
        currency: 'UAH',
        stuck_after_days: 14,
        stages: [{ stage: funnel.stages[1]!, spells: 3, current: 1, mean_days: 4, median_days: 3 }],
        stuck: [{ deal_id: 'deal-7', title: 'Поставка', manager: olena, stage: 'Proposal sent', days_in_stage: 20, amount: 1 }],
        stuck_total: 1,
      },
    };
    expect(cellLink(stuck, { table: 'stuck', row: 0, column: 'days_in_stage' }, period)).toBe('/deals/deal-7');
    expect(params(cellLink(stuck, { table: 'stages', row: 0, column: 'stage' }, { ...period, manager_id: olena.id }))).toEqual({
      pipelineId: 'pipe-1',
      stageId: 'stage-2',
      ownerId: olena.id,
      status: 'open',
      createdFrom: null,
      createdTo: null,
    });
    expect(cellLink(stuck, { table: 'stages', row: 0, column: 'mean_days' }, period)).toBeNull();

    const plan: ReportData = {
      name: 'payment-plan',
      data: {
        week_start: '2026-03-09',
        week_end: '2026-03-15',
        payments: [{
          payment_id: 'pay-1', manager: olena, company_id: 'co-1', company: 'Агро', industry: null, deal_id: 'deal-3',
          deal: 'Поставка', planned_date: '2026-03-10', amount: 100, currency: 'UAH', probability: 50, expected: 50,
          paid: false, paid_on: null,
        }],
        total_amount: 100,
        total_expected: 50,
        total_paid: 0,
      },
    };
    expect(cellLink(plan, { table: 'payments', row: 0, column: 'amount' }, period)).toBe('/deals/deal-3');
    expect(cellLink(plan, { table: 'payments', row: 0, column: 'company' }, period)).toBe('/companies/co-1');
    expect(cellLink(plan, { table: 'payments', row: 0, column: 'manager' }, period)).toBeNull();
  });

  it('lead nowhere where the data names no deals', () => {
    expect(cellLink({ name: 'lead-response', data: { limit_minutes: 15, managers: [], team: {
      manager: null, leads: 1, answered: 1, within_limit: 1, median_minutes: 3, share_within_limit: 100,
    } } }, { table: 'lead_response', row: 0, column: 'leads' }, period)).toBeNull();
  });
});
