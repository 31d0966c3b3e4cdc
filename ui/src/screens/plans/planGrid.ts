import type { Id, Plan, PlanCell } from '../../api/types';

/** What one sheet of the grid shows: revenue (whole units of money), calls or meetings. */
export type Metric = 'revenue' | 'calls' | 'meetings';
export const METRICS: Metric[] = ['revenue', 'calls', 'meetings'];

/** A row of the grid: a person, or the team (`userId` null). */
export interface GridRow {
  userId: Id | null;
  name: string;
}

/** One person's month as the grid edits it; revenue in whole units of money. */
export interface GridValue {
  revenue: number;
  calls: number;
  meetings: number;
  /** The stored plan's version; null for a plan not set yet. */
  version: number | null;
}

export type GridValues = Map<string, GridValue>;

export const cellKey = (userId: Id | null, month: string) => `${userId ?? 'team'}|${month}`;

/** The twelve months of `year`, "YYYY-MM". */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The grid's values from the stored plans: revenue from minor to whole units. */
export function valuesOf(plans: Plan[]): GridValues {
  const values: GridValues = new Map();
  for (const p of plans) {
    values.set(cellKey(p.user_id, p.month), {
      revenue: p.revenue_target / 100,
      calls: p.calls_target,
      meetings: p.meetings_target,
      version: p.version,
    });
  }
  return values;
}

export const EMPTY: GridValue = { revenue: 0, calls: 0, meetings: 0, version: null };

/**
 * A number as people type it or Excel copies it: "150 000", "150000,50", "1 234.5 ₴"; blank is
 * zero. Anything else is `null`, and the grid marks the cell.
 */
export function parseNumber(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0'₴]/g, '').replace(/(UAH|грн\.?)$/i, '');
  if (compact === '') return 0;
  const normal = compact.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  return Number(normal);
}

/** A block copied from a spreadsheet: rows of tab-separated cells (a trailing newline dropped). */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}

/** A change of cells: what was put where, and the cells that could not be read. */
export interface Edit {
  values: GridValues;
  changed: string[];
  unreadable: string[];
}

function setMetric(values: GridValues, key: string, metric: Metric, value: number): GridValues {
  const next = new Map(values);
  const current = next.get(key) ?? EMPTY;
  next.set(key, { ...current, [metric]: metric === 'revenue' ? value : Math.round(value) });
  return next;
}

/**
 * Puts `block` into the grid from row `row` and month `col` on: rows down, months right; what
 * falls outside the grid is dropped.
 */
export function paste(
  values: GridValues,
  rows: GridRow[],
  months: string[],
  metric: Metric,
  at: { row: number; col: number },
  block: string[][],
): Edit {
  let next = values;
  const changed: string[] = [];
  const unreadable: string[] = [];
  block.forEach((cells, r) => {
    const row = rows[at.row + r];
    if (!row) return;
    cells.forEach((text, c) => {
      const month = months[at.col + c];
      if (!month) return;
      const key = cellKey(row.userId, month);
      const n = parseNumber(text);
      if (n === null) {
        unreadable.push(key);
        return;
      }
      next = setMetric(next, key, metric, n);
      changed.push(key);
    });
  });
  return { values: next, changed, unreadable };
}

/** Every row's month `to` set to what it had in month `from`, all three targets. */
export function copyMonth(values: GridValues, rows: GridRow[], from: string, to: string): Edit {
  const next = new Map(values);
  const changed: string[] = [];
  for (const row of rows) {
    const source = values.get(cellKey(row.userId, from));
    if (!source) continue;
    const key = cellKey(row.userId, to);
    const target = next.get(key) ?? EMPTY;
    next.set(key, { ...target, revenue: source.revenue, calls: source.calls, meetings: source.meetings });
    changed.push(key);
  }
  return { values: next, changed, unreadable: [] };
}

/** The managers' sum of a month: what the team plan is when none is set. */
export function columnTotal(values: GridValues, rows: GridRow[], month: string, metric: Metric): number {
  return rows
    .filter((r) => r.userId !== null)
    .reduce((sum, r) => sum + (values.get(cellKey(r.userId, month))?.[metric] ?? 0), 0);
}

/** The changed cells as the store saves them: revenue in minor units, at their versions. */
export function cellsToSave(values: GridValues, changed: Iterable<string>): PlanCell[] {
  return [...new Set(changed)].map((key) => {
    const [who, month] = key.split('|') as [string, string];
    const v = values.get(key) ?? EMPTY;
    return {
      user_id: who === 'team' ? null : who,
      month,
      revenue_target: Math.round(v.revenue * 100),
      calls_target: v.calls,
      meetings_target: v.meetings,
      version: v.version,
    };
  });
}
