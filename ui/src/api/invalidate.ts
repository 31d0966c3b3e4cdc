import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { keys } from './keys';

/** What a change to each kind of record makes stale. */
export const touches = {
  // Every report reads deals, payments, tasks and activities, so their changes make reports stale.
  company: [keys.companies, keys.duplicates, ['search'], keys.timelines, keys.deals, ['audit'], keys.reports],
  contact: [keys.contacts, ['search'], keys.timelines, ['audit']],
  // A move can create tasks (a new lead's, a lost deal's review) and timeline entries.
  deal: [keys.deals, keys.boards, keys.today, keys.tasks, keys.timelines, ['search'], ['audit'], keys.reports],
  // A deal's without-task flag (rule 2) follows its open tasks, on the board and the card.
  task: [keys.tasks, keys.today, keys.timelines, keys.reports, keys.deals, keys.boards],
  activity: [keys.timelines, keys.reports],
  // A document kept or deleted is on its record's timeline.
  document: [keys.documents, keys.timelines, ['audit']],
  // An archived product still names old items: the deals' lines show it.
  product: [keys.products, keys.deals],
  proposalTemplate: [keys.proposalTemplate],
  // A teammate added, deactivated or given another role: the pickers, the Team screen, my own
  // rights when it was me, and the team board's columns (one per active manager).
  user: [keys.users, keys.appInfo, keys.teamBoard],
  // Everything: a change the shell does not name, or a handover (companies, contacts, deals and
  // tasks move at once, and a user may be deactivated).
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
