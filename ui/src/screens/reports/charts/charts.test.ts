import { abcXyz, activity, dashboard, funnel, lossReasons } from '../../../test/reportFixtures';
import { abcXyzOption } from './abcXyzChart';
import { fulfilmentOption } from './activityChart';
import { dashboardOption } from './dashboardChart';
import { funnelOption, funnelSteps } from './funnelChart';
import { lossOption } from './lossChart';

type Series = { name?: string; type: string; stack?: string; data: unknown[]; markLine?: { data: { yAxis: number }[] } };
const series = (o: object) => (o as { series: Series[] }).series;

describe('report chart options', () => {
  it('draw plan and fact bars per manager with the expected-to-date line, in whole units', () => {
    const o = dashboardOption(dashboard, { plan: 'Plan', fact: 'Fact', expected: 'Expected' });
    expect((o as { xAxis: { data: string[] } }).xAxis.data).toEqual(['Олена Коваль', 'Петро Бондар']);
    expect(series(o).map((s) => [s.name, s.type, s.data])).toEqual([
      ['Plan', 'bar', [440_000, 0]],
      ['Fact', 'bar', [200_000, 50_000]],
      ['Expected', 'line', [160_000, 0]],
    ]);
  });

  it('draw the funnel of a column by the deals that reached each stage', () => {
    expect(series(funnelOption(funnel, 0))[0]?.data).toEqual([
      { name: 'New lead', value: 10 },
      { name: 'Proposal sent', value: 6 },
    ]);
    // Olena's column: the rows of the table after the team's two.
    expect(funnelSteps(funnel, 1).map((s) => [s.value, s.row])).toEqual([[7, 2], [5, 3]]);
  });

  it('keep one pipeline in the funnel, as reached counts do not add across pipelines', () => {
    const two = {
      ...funnel,
      stages: [...funnel.stages, { id: 'stage-9', name: 'Other', position: 0, pipeline_id: 'pipe-2' }],
      team: { ...funnel.team, stages: [...funnel.team.stages, { reached: 99, conversion_to_next: null, open_count: 0, open_amount: 0 }] },
    };
    expect(funnelSteps(two, 0).map((s) => s.name)).toEqual(['New lead', 'Proposal sent']);
    expect(funnelSteps(two, 0, 'pipe-2').map((s) => [s.name, s.value, s.row])).toEqual([['Other', 99, 2]]);
  });

  it('stack losses per manager by reason, in the report’s order, a loss without one apart', () => {
    const s = series(lossOption(lossReasons, 'No reason'));
    expect(s.map((x) => [x.name, x.stack, x.data])).toEqual([
      ['Price', 'lost', [2, 1]],
      ['No reason', 'lost', [1, 0]],
    ]);
  });

  it('place the ABC/XYZ pairs in a 3 × 3 heatmap with companies and revenue', () => {
    const data = series(abcXyzOption(abcXyz, (m) => `₴${m / 100}`))[0]?.data as { value: number[]; revenue: string }[];
    expect(data).toHaveLength(9);
    // AZ: column Z (2), row A (0).
    expect(data).toContainEqual({ value: [2, 0, 3], revenue: '₴8000' });
    expect(data).toContainEqual({ value: [0, 2, 1], revenue: '₴2000' });
  });

  it('draw each manager’s monthly plan fulfilment with the 100 % line, gaps where no plan', () => {
    const s = series(fulfilmentOption(activity, 'Plan'));
    expect(s.map((x) => [x.name, x.data])).toEqual([
      ['Олена Коваль', [80, 120.5]],
      ['Петро Бондар', [null, null]],
    ]);
    expect(s[0]?.markLine?.data).toEqual([{ yAxis: 100, name: 'Plan' }]);
  });
});
