import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import type { CheckInInput, Id, LeadRotationInput, LossReviewInput, Task } from './types';

/** Rule 1's rotation: off (version 0) until the head or the admin saves it. */
export function useLeadRotation() {
  return useQuery({ queryKey: keys.leadRotation, queryFn: () => call(commands.leadRotation()) });
}

export function useSaveLeadRotation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { version: number; input: LeadRotationInput }) => call(commands.saveLeadRotation(v.version, v.input)),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.leadRotation }),
  });
}

/** Rule 5: the review ends in confirming the loss or reopening the deal, with its answers. */
export function useCloseLossReview() {
  const invalidate = useInvalidate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { task: Task; input: LossReviewInput }) =>
      call(commands.closeLossReview(v.task.id, v.task.version, v.input)),
    onSuccess: (_, v) =>
      Promise.all([
        invalidate('deal'),
        qc.invalidateQueries({ queryKey: keys.lossReviews(v.task.deal_id ?? '') }),
      ]),
  });
}

export function useLossReviews(dealId: Id | null | undefined) {
  return useQuery({
    queryKey: keys.lossReviews(dealId ?? ''),
    queryFn: () => call(commands.lossReviews(dealId ?? '')),
    enabled: !!dealId,
  });
}

/** The check-ins of `day` ("YYYY-MM-DD") that have come: the team's for the head, a manager's own. */
export function useCheckIns(day: string) {
  return useQuery({ queryKey: keys.checkIns(day), queryFn: () => call(commands.checkInsOf(day)) });
}

export function useAnswerCheckIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckInInput) => call(commands.answerCheckIn(input)),
    onSettled: () => qc.invalidateQueries({ queryKey: ['checkIns'] }),
  });
}
