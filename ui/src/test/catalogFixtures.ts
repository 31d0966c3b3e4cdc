import type { Product } from '../api/types';

export function product(i: number, over: Partial<Product> = {}): Product {
  return {
    id: `p${i}`, created_at: 0, updated_at: 0, version: 1, deleted_at: null, name: `Профнастил ${i}`, sku: `PS${i}`,
    unit: 'м²', price: 32_050, currency: 'UAH', stock: 100, lead_time_days: 7, ...over,
  };
}
