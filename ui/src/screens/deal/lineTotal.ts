import type { DealItem } from '../../api/types';

/** Quantity × price less the discount, rounded to whole minor units as DealItemData::total does. */
export function lineTotal(item: Pick<DealItem, 'quantity' | 'unit_price' | 'discount_bp'>): number {
  return Math.round((item.quantity * item.unit_price * (10_000 - item.discount_bp)) / 10_000);
}
