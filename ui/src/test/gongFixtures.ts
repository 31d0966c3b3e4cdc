import type { GongEvent, TeamProgress } from '../api/types';

export const progress = (over: Partial<TeamProgress> = {}): TeamProgress => ({
  month: '2026-03',
  day: '2026-03-11',
  currency: 'UAH',
  plan: 44_000_000,
  fact: 12_000_000,
  expected_to_date: 16_000_000,
  today_share_bp: 7_500,
  month_share_bp: 2_727,
  ...over,
});

export function gong(seq: number, over: Partial<GongEvent> = {}): GongEvent {
  return {
    seq,
    kind: 'won',
    at: Date.UTC(2026, 2, 11, 9, seq),
    user_id: 'user-2',
    user_name: 'Olena',
    company_name: 'ТОВ Дах',
    deal_id: `deal-${seq}`,
    deal_title: `Deal ${seq}`,
    payment_id: null,
    amount: 12_000_000,
    currency: 'UAH',
    progress: progress(),
    ...over,
  };
}
