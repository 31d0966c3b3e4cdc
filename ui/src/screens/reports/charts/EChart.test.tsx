import { act, fireEvent } from '@testing-library/react';
import { useState } from 'react';
import { renderScreen } from '../../../test/render';
import { EChart } from './EChart';
import { echarts, type ChartOption } from './echarts';

// jsdom has no canvas: the chart instance is a recorder, what is checked is how it is driven.
const chart = {
  on: vi.fn(),
  setOption: vi.fn(),
  resize: vi.fn(),
  dispose: vi.fn(),
};
vi.mock('./echarts', () => ({ echarts: { init: vi.fn(() => chart) } }));

const observers: { callback: ResizeObserverCallback; disconnected: boolean }[] = [];
class RecordingResizeObserver {
  private entry: { callback: ResizeObserverCallback; disconnected: boolean };
  constructor(callback: ResizeObserverCallback) {
    this.entry = { callback, disconnected: false };
    observers.push(this.entry);
  }
  observe() {}
  unobserve() {}
  disconnect() {
    this.entry.disconnected = true;
  }
}

describe('EChart', () => {
  beforeEach(() => {
    observers.length = 0;
    for (const fn of Object.values(chart)) fn.mockClear();
    vi.mocked(echarts.init).mockClear();
    vi.stubGlobal('ResizeObserver', RecordingResizeObserver);
  });
  afterEach(() => vi.unstubAllGlobals());

  const first = { series: [{ type: 'bar', data: [1] }] };
  const second = { series: [{ type: 'line', data: [2] }] };

  it('draws the option into its div, replacing the last picture rather than merging', () => {
    function Switching() {
      const [option, setOption] = useState<ChartOption>(first);
      return (
        <>
          <EChart option={option} testId="c" />
          <button onClick={() => setOption(second)}>next</button>
        </>
      );
    }
    const { getByTestId, getByText } = renderScreen(<Switching />);
    expect(echarts.init).toHaveBeenCalledTimes(1);
    expect(echarts.init).toHaveBeenCalledWith(getByTestId('c'), undefined);
    expect(chart.setOption).toHaveBeenLastCalledWith({ backgroundColor: 'transparent', ...first }, { notMerge: true });
    fireEvent.click(getByText('next'));
    // The same chart instance draws the new picture.
    expect(echarts.init).toHaveBeenCalledTimes(1);
    expect(chart.setOption).toHaveBeenLastCalledWith({ backgroundColor: 'transparent', ...second }, { notMerge: true });
  });

  it('resizes with its container and is disposed with the screen', () => {
    const { unmount } = renderScreen(<EChart option={{}} />);
    act(() => observers[0]?.callback([], {} as ResizeObserver));
    expect(chart.resize).toHaveBeenCalledTimes(1);
    unmount();
    expect(chart.dispose).toHaveBeenCalledTimes(1);
    expect(observers[0]?.disconnected).toBe(true);
  });

  it('tells which item was clicked', () => {
    const onItemClick = vi.fn();
    renderScreen(<EChart option={{}} onItemClick={onItemClick} />);
    const [event, handler] = chart.on.mock.calls[0] as [string, (p: object) => void];
    expect(event).toBe('click');
    handler({ seriesIndex: 0, dataIndex: 2 });
    expect(onItemClick).toHaveBeenCalledWith({ seriesIndex: 0, dataIndex: 2 });
  });
});
