import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import type { Deal, DealItem, DealItemInput, Id, Payment, PaymentInput } from './types';

/** A deal's items with their totals as the core counts them. */
export function useDealLines(dealId: Id) {
  return useQuery({ queryKey: keys.dealLines(dealId), queryFn: () => call(commands.dealLines(dealId)) });
}

/** Adds a line, or changes one; the answer carries a stock warning when there is one. */
export function useSaveDealItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { item: Pick<DealItem, 'id' | 'version'> | null; input: DealItemInput }) =>
      call(v.item ? commands.updateDealItem(v.item.id, v.item.version, v.input) : commands.addDealItem(v.input)),
    onSuccess: () => invalidate('deal'),
  });
}

export function useRemoveDealItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (item: Pick<DealItem, 'id' | 'version'>) => call(commands.removeDealItem(item.id, item.version)),
    onSuccess: () => invalidate('deal'),
  });
}

export function useAmountFromItems() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { deal: Pick<Deal, 'id' | 'version'>; on: boolean }) =>
      call(commands.setAmountFromItems(v.deal.id, v.deal.version, v.on)),
    onSuccess: () => invalidate('deal'),
  });
}

export function useUpdatePayment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { payment: Pick<Payment, 'id' | 'version'>; input: PaymentInput }) =>
      call(commands.updatePayment(v.payment.id, v.payment.version, v.input)),
    onSuccess: () => invalidate('deal'),
  });
}

export function useCancelPayment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (p: Pick<Payment, 'id' | 'version'>) => call(commands.cancelPayment(p.id, p.version)),
    onSuccess: () => invalidate('deal'),
  });
}

/** Marks a payment paid on a chosen day ("YYYY-MM-DD"), today when none is given. */
export function useMarkPaidOn() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { payment: Pick<Payment, 'id' | 'version'>; day: string | null }) =>
      call(commands.markPaymentPaidOn(v.payment.id, v.payment.version, v.day)),
    onSuccess: () => invalidate('deal'),
  });
}
