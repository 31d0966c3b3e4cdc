import type { TFunction } from 'i18next';
import type { GongEvent } from '../api/types';
import { formatMoney } from '../components/Money';

/** "Olena closed «Roof» — 120 000 ₴", or the payment's sentence; the same words in feed and toast. */
export function gongSentence(t: TFunction, lang: string, g: GongEvent): string {
  return t(`gong.${g.kind}`, {
    user: g.user_name,
    deal: g.deal_title,
    amount: formatMoney(g.amount, g.currency, lang),
  });
}

/** Basis points as a whole percent; `null` where there is no plan to measure against. */
export function bpPercent(bp: number | null): number | null {
  return bp == null ? null : Math.round(bp / 100);
}
