import type { ReportName } from '../../api/types';

/** A period as the filter carries it: whole days 'YYYY-MM-DD', both ends included. */
export interface Period {
  from: string;
  to: string;
}

/**
 * How a report reads its period: the dashboard is one month, the payment plan one Monday–Sunday
 * week, the rest any range of days.
 */
export type PeriodKind = 'month' | 'week' | 'range';

export function periodKind(name: ReportName): PeriodKind {
  if (name === 'dashboard') return 'month';
  if (name === 'payment-plan') return 'week';
  return 'range';
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 1970, (m ?? 1) - 1, d ?? 1];
}

/** The calendar month holding `day`. */
export function monthOf(day: string): Period {
  const [y, m] = parts(day);
  return { from: iso(y, m, 1), to: iso(y, m + 1, 0) };
}

/** The Monday–Sunday week holding `day`. */
export function weekOf(day: string): Period {
  const [y, m, d] = parts(day);
  const weekday = (new Date(Date.UTC(y, m, d)).getUTCDay() + 6) % 7; // Monday = 0
  return { from: iso(y, m, d - weekday), to: iso(y, m, d - weekday + 6) };
}

/** A period of the kind, around `day`: this month, or this week for the payment plan. */
export function periodAround(kind: PeriodKind, day: string): Period {
  return kind === 'week' ? weekOf(day) : monthOf(day);
}

/** Today in the user's own calendar, not UTC: a head in Kyiv at 01:00 is already in tomorrow. */
export function localToday(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth(), now.getDate());
}
