import type { AbcXyz } from '../../../api/types';
import type { ChartOption } from './echarts';

const ABC = ['A', 'B', 'C'] as const;
const XYZ = ['X', 'Y', 'Z'] as const;

/** The 3 × 3 matrix as a heatmap: rows A–C, columns X–Z, companies in each pair with their revenue. */
export function abcXyzOption(r: AbcXyz, formatMoney: (minor: number) => string): ChartOption {
  const data = r.matrix.map((c) => ({
    value: [XYZ.indexOf(c.xyz), ABC.indexOf(c.abc), c.companies],
    revenue: formatMoney(c.revenue),
  }));
  const most = Math.max(1, ...r.matrix.map((c) => c.companies));
  return {
    tooltip: { position: 'top' },
    grid: { left: 40, right: 8, top: 8, bottom: 40 },
    xAxis: { type: 'category', data: [...XYZ], splitArea: { show: true } },
    // A at the top, as the matrix is read.
    yAxis: { type: 'category', data: [...ABC], inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: most, show: false, inRange: { color: ['#e7f5ff', '#1c7ed6'] } },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          formatter: (p: { value: number[]; data: { revenue: string } }) => `${p.value[2]}\n${p.data.revenue}`,
        },
      },
    ],
  };
}
