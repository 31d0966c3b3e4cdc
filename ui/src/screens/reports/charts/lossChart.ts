import type { LossReasons } from '../../../api/types';
import type { ChartOption } from './echarts';

/**
 * Losses per manager stacked by the stage they were lost at: a tall middle-stage band is the
 * sign of a manager dropping hard leads instead of working them.
 */
export function lossOption(l: LossReasons, noStage: string): ChartOption {
  const stages: string[] = [];
  for (const m of l.by_manager) {
    for (const s of m.by_stage) {
      const name = s.stage?.name ?? noStage;
      if (!stages.includes(name)) stages.push(name);
    }
  }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: stages },
    grid: { left: 8, right: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: l.by_manager.map((m) => m.manager.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: stages.map((name) => ({
      name,
      type: 'bar',
      stack: 'lost',
      data: l.by_manager.map((m) =>
        m.by_stage.filter((s) => (s.stage?.name ?? noStage) === name).reduce((sum, s) => sum + s.count, 0),
      ),
    })),
  };
}
