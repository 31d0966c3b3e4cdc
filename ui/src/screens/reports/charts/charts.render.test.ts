import { SVGRenderer } from 'echarts/renderers';
import { abcXyz, activity, dashboard, funnel, lossReasons } from '../../../test/reportFixtures';
import { abcXyzOption } from './abcXyzChart';
import { fulfilmentOption } from './activityChart';
import { dashboardOption } from './dashboardChart';
import { echarts, type ChartOption } from './echarts';
import { funnelOption } from './funnelChart';
import { lossOption } from './lossChart';

// The real ECharts with the charts and components the app registers, drawn to SVG on the server
// side: jsdom has no canvas, but a chart that ECharts refuses or draws empty shows up here.
echarts.use([SVGRenderer]);
// Text widths come from a canvas, which jsdom lacks: an even width per character lays labels out.
echarts.setPlatformAPI({ measureText: (text = '') => ({ width: text.length * 7 }) as TextMetrics });

function draw(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

describe('report charts drawn by ECharts', () => {
  it('draw the funnel with each stage and its count', () => {
    const svg = draw(funnelOption(funnel, 0));
    expect(svg).toContain('New lead: 10');
    expect(svg).toContain('Proposal sent: 6');
  });

  it('draw the dashboard bars with the managers along the axis and a legend', () => {
    const svg = draw(dashboardOption(dashboard, { plan: 'Plan', fact: 'Fact', expected: 'Expected to date' }));
    for (const text of ['Олена Коваль', 'Петро Бондар', 'Plan', 'Fact', 'Expected to date']) expect(svg).toContain(text);
    // Bars are paths; a chart with data has more than its axes.
    expect(svg.match(/<path/g)?.length ?? 0).toBeGreaterThan(6);
  });

  it('draw the loss stacks with a legend entry per loss reason', () => {
    const svg = draw(lossOption(lossReasons, 'No reason given'));
    for (const text of ['Price', 'No reason given', 'Петро Бондар']) expect(svg).toContain(text);
  });

  it('draw the ABC/XYZ heatmap with the classes and the count and revenue of a pair', () => {
    const svg = draw(abcXyzOption(abcXyz, (minor) => `UAH ${minor / 100}`));
    for (const text of ['>A<', '>C<', '>X<', '>Z<', 'UAH 8000']) expect(svg).toContain(text);
  });

  it('draw the monthly fulfilment lines with the months along the axis', () => {
    const svg = draw(fulfilmentOption(activity, 'Plan'));
    for (const text of ['2026-02', '2026-03', 'Олена Коваль']) expect(svg).toContain(text);
  });
});
