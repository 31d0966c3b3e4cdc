// Only the charts the reports draw are registered: the full echarts bundle is several times larger.
import { BarChart, FunnelChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/**
 * A legend above the plot and the plot's box below it. ECharts 6 puts the legend at the bottom
 * by default, where a grid laid out to the chart's edge draws the axis labels over it.
 */
export function legendAbove(data: string[], grid: { right?: number } = {}) {
  return {
    legend: { data, top: 0, type: 'scroll' as const },
    grid: { left: 8, right: grid.right ?? 8, top: 40, bottom: 8, containLabel: true },
  };
}
