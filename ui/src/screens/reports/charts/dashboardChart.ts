import type { Dashboard } from '../../../api/types';
import { type ChartOption, legendAbove } from './echarts';

export interface DashboardLabels {
  plan: string;
  fact: string;
  expected: string;
}

const whole = (minor: number) => Math.round(minor / 100);

/** Plan and fact bars per manager, the expected-to-date line over them (whole currency units). */
export function dashboardOption(d: Dashboard, labels: DashboardLabels): ChartOption {
  const rows = d.managers;
  return {
    tooltip: { trigger: 'axis' },
    ...legendAbove([labels.plan, labels.fact, labels.expected]),
    xAxis: { type: 'category', data: rows.map((r) => r.manager?.name ?? '') },
    yAxis: { type: 'value' },
    series: [
      { name: labels.plan, type: 'bar', data: rows.map((r) => whole(r.plan)) },
      { name: labels.fact, type: 'bar', data: rows.map((r) => whole(r.fact)) },
      { name: labels.expected, type: 'line', data: rows.map((r) => whole(r.expected_to_date)), symbolSize: 10 },
    ],
  };
}
