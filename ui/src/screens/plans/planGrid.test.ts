import type { Plan } from '../../api/types';
import { cellKey, cellsToSave, columnTotal, copyMonth, monthsOf, parseBlock, parseNumber, paste, previousMonth, valuesOf } from './planGrid';

const plan = (user: string | null, month: string, revenue: number, version = 1): Plan => ({
  id: `${user}-${month}`,
  created_at: 0,
  updated_at: 0,
  version,
  deleted_at: null,
  user_id: user,
  month,
  revenue_target: revenue,
  currency: 'UAH',
  calls_target: 100,
  meetings_target: 10,
});

const rows = [
  { userId: null, name: 'Team' },
  { userId: 'olena', name: 'Olena' },
  { userId: 'petro', name: 'Petro' },
];
const months = monthsOf(2026);

describe('the plans grid', () => {
  it('reads numbers as people type them and Excel copies them', () => {
    expect(parseNumber('150 000')).toBe(150_000);
    expect(parseNumber('150\u00a0000,50')).toBe(150_000.5);
    expect(parseNumber(' 1 234.5 ₴ ')).toBe(1_234.5);
    expect(parseNumber('')).toBe(0);
    expect(parseNumber('-5')).toBeNull();
    expect(parseNumber('12,345')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });

  it('pastes a tab-separated block down the rows and across the months', () => {
    const block = parseBlock('100000\t120000\r\n80000\tx\n');
    expect(block).toEqual([['100000', '120000'], ['80000', 'x']]);
    const edit = paste(new Map(), rows, months, 'revenue', { row: 1, col: 10 }, [...block, ['1', '2']]);
    expect(edit.values.get(cellKey('olena', '2026-11'))?.revenue).toBe(100_000);
    expect(edit.values.get(cellKey('olena', '2026-12'))?.revenue).toBe(120_000);
    expect(edit.values.get(cellKey('petro', '2026-11'))?.revenue).toBe(80_000);
    expect(edit.unreadable).toEqual([cellKey('petro', '2026-12')]);
    expect(edit.changed).toHaveLength(3);
    // The third row of the block falls below the grid and is dropped.
    expect(edit.values.size).toBe(3);
  });

  it('copies last month into a month and totals the managers', () => {
    const values = valuesOf([plan(null, '2026-02', 30_000_000), plan('olena', '2026-02', 18_000_000), plan('petro', '2026-02', 12_000_000), plan('petro', '2026-03', 1, 4)]);
    expect(previousMonth('2026-03')).toBe('2026-02');
    expect(previousMonth('2026-01')).toBe('2025-12');
    const edit = copyMonth(values, rows, '2026-02', '2026-03');
    expect(edit.changed).toHaveLength(3);
    expect(columnTotal(edit.values, rows, '2026-03', 'revenue')).toBe(300_000);
    expect(columnTotal(edit.values, rows, '2026-03', 'calls')).toBe(200);
    const cells = cellsToSave(edit.values, edit.changed);
    expect(cells).toContainEqual({
      user_id: 'petro', month: '2026-03', revenue_target: 12_000_000, calls_target: 100, meetings_target: 10, version: 4,
    });
    expect(cells.find((c) => c.user_id === null)).toMatchObject({ revenue_target: 30_000_000, version: null });
  });
});
