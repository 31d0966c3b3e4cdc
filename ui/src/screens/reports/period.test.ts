import { localToday, monthOf, periodAround, periodKind, weekOf } from './period';

describe('report periods', () => {
  it('give the dashboard a month, the payment plan a week and the rest a range', () => {
    expect(periodKind('dashboard')).toBe('month');
    expect(periodKind('payment-plan')).toBe('week');
    expect(periodKind('funnel')).toBe('range');
  });

  it('take the whole calendar month, leap February included', () => {
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('take the Monday–Sunday week, across a month and a year end', () => {
    // 2026-03-11 is a Wednesday.
    expect(weekOf('2026-03-11')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(weekOf('2026-03-09')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(weekOf('2026-03-15')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    // 2027-01-01 is a Friday.
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodAround('week', '2026-03-11')).toEqual(weekOf('2026-03-11'));
    expect(periodAround('range', '2026-03-11')).toEqual(monthOf('2026-03-11'));
  });

  it('read today from the local calendar', () => {
    expect(localToday(new Date(2026, 2, 9, 23, 30))).toBe('2026-03-09');
  });
});
