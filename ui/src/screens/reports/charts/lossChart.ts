import type { LossReasons } from '../../../api/types';
import { type ChartOption, legendAbove } from './echarts';

/**
 * Losses per manager stacked by reason, in the report's order of reasons (most losses first), so
 * every bar stacks them alike and one manager's unusual reason stands out.
 */
export function lossOption(l: LossReasons, noReason: string): ChartOption {
  const name = (reason: string | null) => reason ?? noReason;
  const reasons = l.by_reason.map((r) => name(r.reason));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    ...legendAbove(reasons),
    xAxis: { type: 'category', data: l.by_manager.map((m) => m.manager.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: reasons.map((reason) => ({
      name: reason,
      type: 'bar',
      stack: 'lost',
      data: l.by_manager.map((m) =>
        m.by_reason.filter((r) => name(r.reason) === reason).reduce((sum, r) => sum + r.count, 0),
      ),
    })),
  };
}
