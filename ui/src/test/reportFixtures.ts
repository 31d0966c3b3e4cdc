import type {
  AbcXyz,
  ActivityReport,
  Dashboard,
  Funnel,
  LossReasons,
  ReportTable,
  ReportView,
  StageRef,
} from '../api/types';

export const olena = { id: 'user-2', name: 'Олена Коваль' };
export const petro = { id: 'user-3', name: 'Петро Бондар' };

const stageRef = (id: string, name: string, position: number, pipeline_id = 'pipe-1'): StageRef =>
  ({ id, name, position, pipeline_id });

export const dashboard: Dashboard = {
  month: '2026-03',
  currency: 'UAH',
  today: '2026-03-11',
  working_days: 22,
  working_days_elapsed: 8,
  managers: [
    { manager: olena, plan: 44_000_000, fact: 20_000_000, won: 30_000_000, expected_to_date: 16_000_000, percent_of_plan: 45.5, percent_of_expected: 125, forecast: 38_000_000 },
    { manager: petro, plan: 0, fact: 5_000_000, won: 0, expected_to_date: 0, percent_of_plan: null, percent_of_expected: null, forecast: 5_000_000 },
  ],
  team: { manager: null, plan: 44_000_000, fact: 25_000_000, won: 30_000_000, expected_to_date: 16_000_000, percent_of_plan: 56.8, percent_of_expected: 156.3, forecast: 43_000_000 },
};

const money = (minor: number) => ({ kind: 'money' as const, value: { minor, currency: 'UAH' } });
const text = (value: string) => ({ kind: 'text' as const, value });
const percent = (value: number) => ({ kind: 'percent' as const, value });
const int = (value: number) => ({ kind: 'integer' as const, value });

export const planFactTable: ReportTable = {
  key: 'plan_fact',
  title: 'Plan and fact, 2026-03',
  columns: [
    { key: 'manager', title: 'Manager', kind: 'text' },
    { key: 'plan', title: 'Plan', kind: 'money' },
    { key: 'fact', title: 'Fact (received)', kind: 'money' },
    { key: 'percent_of_plan', title: '% of plan', kind: 'percent' },
  ],
  rows: [
    [text(olena.name), money(44_000_000), money(20_000_000), percent(45.5)],
    [text(petro.name), money(0), money(5_000_000), { kind: 'empty' }],
  ],
  totals: [text('Team'), money(44_000_000), money(25_000_000), percent(56.8)],
};

export const dashboardView: ReportView = { data: { name: 'dashboard', data: dashboard }, tables: [planFactTable] };

/** Two stages of one pipeline; the team's column, then Olena's. */
export const funnel: Funnel = {
  currency: 'UAH',
  stages: [stageRef('stage-1', 'New lead', 0), stageRef('stage-2', 'Proposal sent', 1)],
  team: {
    manager: null,
    created: 10,
    won: 2,
    lost: 3,
    conversion_to_won: 20,
    stages: [
      { reached: 10, conversion_to_next: 60, open_count: 4, open_amount: 400_000 },
      { reached: 6, conversion_to_next: null, open_count: 1, open_amount: 100_000 },
    ],
  },
  managers: [
    {
      manager: olena,
      created: 7,
      won: 2,
      lost: 1,
      conversion_to_won: 28.6,
      stages: [
        { reached: 7, conversion_to_next: 71.4, open_count: 2, open_amount: 200_000 },
        { reached: 5, conversion_to_next: null, open_count: 3, open_amount: 300_000 },
      ],
    },
  ],
};

export const funnelView: ReportView = {
  data: { name: 'funnel', data: funnel },
  tables: [
    {
      key: 'funnel',
      title: 'Funnel of the deals created in the period',
      columns: [
        { key: 'manager', title: 'Manager', kind: 'text' },
        { key: 'stage', title: 'Stage', kind: 'text' },
        { key: 'reached', title: 'Reached', kind: 'integer' },
        { key: 'open_count', title: 'Open now', kind: 'integer' },
      ],
      rows: [
        [text('Team'), text('New lead'), int(10), int(4)],
        [text('Team'), text('Proposal sent'), int(6), int(1)],
        [text(olena.name), text('New lead'), int(7), int(2)],
        [text(olena.name), text('Proposal sent'), int(5), int(3)],
      ],
      totals: null,
    },
  ],
};

export const lossReasons: LossReasons = {
  currency: 'UAH',
  lost: 4,
  amount: 900_000,
  by_reason: [
    { reason_id: 'r-1', reason: 'Price', count: 3, amount: 800_000 },
    { reason_id: null, reason: null, count: 1, amount: 100_000 },
  ],
  by_manager: [
    {
      manager: olena,
      count: 3,
      amount: 600_000,
      by_stage: [
        { stage: stageRef('stage-1', 'New lead', 0), count: 1, amount: 100_000 },
        { stage: stageRef('stage-2', 'Proposal sent', 1), count: 2, amount: 500_000 },
      ],
      by_reason: [
        { reason_id: 'r-1', reason: 'Price', count: 2, amount: 500_000 },
        { reason_id: null, reason: null, count: 1, amount: 100_000 },
      ],
    },
    {
      manager: petro,
      count: 1,
      amount: 300_000,
      by_stage: [{ stage: null, count: 1, amount: 300_000 }],
      by_reason: [{ reason_id: 'r-1', reason: 'Price', count: 1, amount: 300_000 }],
    },
  ],
};

export const abcXyz: AbcXyz = {
  currency: 'UAH',
  months: ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'],
  total_revenue: 1_000_000,
  companies: [],
  matrix: (['A', 'B', 'C'] as const).flatMap((abc) =>
    (['X', 'Y', 'Z'] as const).map((xyz) => ({
      abc,
      xyz,
      companies: abc === 'A' && xyz === 'Z' ? 3 : abc === 'C' && xyz === 'X' ? 1 : 0,
      revenue: abc === 'A' && xyz === 'Z' ? 800_000 : abc === 'C' && xyz === 'X' ? 200_000 : 0,
    })),
  ),
};

const month = (manager: typeof olena, m: string, revenue_percent: number | null) => ({
  manager,
  month: m,
  revenue_plan: 100,
  revenue_fact: 100,
  revenue_percent,
  calls_plan: 0,
  calls_fact: 0,
  calls_percent: null,
  meetings_plan: 0,
  meetings_fact: 0,
  meetings_percent: null,
});

export const activity: ActivityReport = {
  currency: 'UAH',
  idle_after_days: 30,
  days: [],
  idle_companies: [],
  idle_companies_total: 0,
  plan_fulfilment: [
    month(olena, '2026-02', 80),
    month(olena, '2026-03', 120.5),
    month(petro, '2026-03', null),
  ],
};
