import type { Funnel } from '../../../api/types';
import type { ChartOption } from './echarts';

/**
 * The stages of one pipeline for one column of the funnel (the team's, or a manager's): the
 * first pipeline listed unless one is named, since "reached" counts do not add across pipelines.
 * `row` is the stage's row in the report's funnel table, for a click to find its deals.
 */
export function funnelSteps(f: Funnel, columnIndex: number, pipelineId?: string | null) {
  const column = [f.team, ...f.managers][columnIndex];
  const pipeline = pipelineId ?? f.stages[0]?.pipeline_id;
  if (!column) return [];
  return f.stages.flatMap((stage, i) =>
    stage.pipeline_id === pipeline
      ? [{ name: stage.name, value: column.stages[i]?.reached ?? 0, row: columnIndex * f.stages.length + i }]
      : [],
  );
}

export function funnelOption(f: Funnel, columnIndex: number, pipelineId?: string | null): ChartOption {
  const steps = funnelSteps(f, columnIndex, pipelineId);
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '8%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}: {c}' },
        data: steps.map(({ name, value }) => ({ name, value })),
      },
    ],
  };
}
