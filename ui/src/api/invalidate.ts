import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { keys } from './keys';

/** What a change to each kind of record makes stale. */
export const touches = {
  company: [keys.companies, keys.duplicates, ['search'], keys.timelines, keys.deals, ['audit']],
  contact: [keys.contacts, ['search'], keys.timelines, ['audit']],
  // A move can create tasks (a new lead's, a lost deal's review) and timeline entries.
  deal: [keys.deals, keys.boards, keys.today, keys.tasks, keys.timelines, ['search'], ['audit']],
  task: [keys.tasks, keys.today, keys.timelines],
  activity: [keys.timelines],
  app: [[]],
} satisfies Record<string, QueryKey[]>;

export function useInvalidate() {
  const qc = useQueryClient();
  return useCallback(
    (what: keyof typeof touches) =>
      Promise.all(touches[what].map((queryKey) => qc.invalidateQueries({ queryKey }))),
    [qc],
  );
}
