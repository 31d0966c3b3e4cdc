import type { ActivityReport } from '../../../api/types';
import { type ChartOption, legendAbove } from './echarts';

/** Revenue plan fulfilment per manager per month, the 100 % line marked: the "zigzags". */
export function fulfilmentOption(a: ActivityReport, planLabel: string): ChartOption {
  const months = [...new Set(a.plan_fulfilment.map((m) => m.month))].sort();
  const managers = [...new Map(a.plan_fulfilment.map((m) => [m.manager.id, m.manager.name])).entries()];
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${String(v)} %`) },
    ...legendAbove(managers.map(([, name]) => name), { right: 24 }),
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
    series: managers.map(([id, name], i) => ({
      name,
      type: 'line',
      connectNulls: false,
      data: months.map(
        (month) => a.plan_fulfilment.find((m) => m.manager.id === id && m.month === month)?.revenue_percent ?? null,
      ),
      ...(i === 0 ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: 100, name: planLabel }] } } : {}),
    })),
  };
}
