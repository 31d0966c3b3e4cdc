import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import { firstPage, nextPage } from './paging';
import type { Deal, DealFilter, DealInput, Id, MoveDeal, PaymentInput } from './types';

export function useBoard(pipelineId: Id | null | undefined, ownerId: Id | null) {
  return useQuery({
    queryKey: keys.board(pipelineId ?? '', ownerId),
    queryFn: () => call(commands.board(pipelineId ?? '', ownerId)),
    enabled: !!pipelineId,
  });
}

export function useDealList(filter: DealFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.dealList(filter),
    queryFn: ({ pageParam }) => call(commands.listDeals(filter, pageParam)),
    initialPageParam: firstPage(),
    getNextPageParam: (last) => nextPage(last),
    enabled,
  });
}

export function useDeal(id: Id | null | undefined) {
  return useQuery({
    queryKey: keys.deal(id ?? ''),
    queryFn: () => call(commands.getDeal(id ?? '')),
    enabled: !!id,
  });
}

export function useCreateDeal() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { input: DealInput; stageId: Id | null }) => call(commands.createDeal(v.input, v.stageId)),
    onSuccess: () => invalidate('deal'),
  });
}

export function useUpdateDeal() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { deal: Pick<Deal, 'id' | 'version'>; input: DealInput }) =>
      call(commands.updateDeal(v.deal.id, v.deal.version, v.input)),
    onSuccess: () => invalidate('deal'),
  });
}

export function useMoveDealMutation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { deal: Pick<Deal, 'id' | 'version'>; to: MoveDeal }) =>
      call(commands.moveDeal(v.deal.id, v.deal.version, v.to)),
    // Also after a refusal: an optimistic move on the board has to be undone by a re-read.
    onSettled: () => invalidate('deal'),
  });
}

/** Deletes a deal; its tasks and activities go with it. */
export function useDeleteDeal() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (deal: Pick<Deal, 'id' | 'version'>) => call(commands.deleteDeal(deal.id, deal.version)),
    onSuccess: () => invalidate('deal'),
  });
}

/** Brings a deleted deal back with what it took along. */
export function useRestoreDeal() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (deal: Pick<Deal, 'id' | 'version'>) => call(commands.restoreDeal(deal.id, deal.version)),
    onSuccess: () => invalidate('deal'),
  });
}

export function useDealItems(dealId: Id) {
  return useQuery({ queryKey: keys.dealItems(dealId), queryFn: () => call(commands.dealItems(dealId)) });
}

export function useDealPayments(dealId: Id) {
  return useQuery({
    queryKey: keys.dealPayments(dealId),
    queryFn: () => call(commands.dealPayments(dealId)),
  });
}

export function useCreatePayment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PaymentInput) => call(commands.createPayment(input)),
    onSuccess: () => invalidate('deal'),
  });
}

export function useStageHistory(dealId: Id) {
  return useQuery({
    queryKey: keys.stageHistory(dealId),
    queryFn: () => call(commands.stageHistory(dealId)),
  });
}
