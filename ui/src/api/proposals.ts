import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import type { Id, ProposalTemplateInput } from './types';

export function useProposalTemplate() {
  return useQuery({ queryKey: keys.proposalTemplate, queryFn: () => call(commands.proposalTemplate()) });
}

export function useSaveProposalTemplate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { version: number | null; input: ProposalTemplateInput }) =>
      call(commands.saveProposalTemplate(v.version, v.input)),
    onSuccess: () => invalidate('proposalTemplate'),
  });
}

/** The shell's open dialog for a logo; the answer is a data URL, or null when cancelled. */
export function useChooseLogo() {
  return useMutation({
    mutationFn: (v: { title: string; filterName: string }) => call(commands.chooseLogo(v.title, v.filterName)),
  });
}

export function useMakeProposal() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (dealId: Id) => call(commands.makeProposal(dealId)),
    onSuccess: () => Promise.all([invalidate('deal'), invalidate('document')]),
  });
}
