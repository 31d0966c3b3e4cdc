import { useMantineColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

/** What a click on a chart item tells: the series and the item's index in it. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/**
 * One ECharts chart in a div: created on mount, disposed on unmount, resized with its container
 * (the navbar collapses, the window is resized) rather than with the window alone.
 */
export function EChart({ option, onItemClick, height = 320, testId }: {
  option: ChartOption;
  onItemClick?: (click: ChartClick) => void;
  height?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onItemClick);
  const { colorScheme } = useMantineColorScheme();
  const dark = colorScheme === 'dark';

  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, dark ? 'dark' : undefined);
    chart.current = c;
    c.on('click', (p) => {
      const params = p as { seriesIndex?: number; dataIndex?: number };
      clickRef.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex ?? 0 });
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    // A new report replaces the whole picture: a merge would keep the last one's series.
    chart.current?.setOption({ backgroundColor: 'transparent', ...option }, { notMerge: true });
  }, [option, dark]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId ?? 'chart'} />;
}
