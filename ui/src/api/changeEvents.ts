import { listen } from '@tauri-apps/api/event';
import { useCallback } from 'react';
import { touches, useInvalidate } from './invalidate';
import { inShell, type Subscribe, useShellEvent } from './shellEvents';

/** The shell's event for a record changed elsewhere: another window, a teammate, the scheduler. */
export const CHANGED_EVENT = 'changed';

export interface ChangedPayload {
  /** The record's entity name as the audit log writes it: "company", "deal", "task", ... */
  entity: string;
}

const RELATED: Record<string, keyof typeof touches> = {
  company: 'company',
  contact: 'contact',
  deal: 'deal',
  deal_item: 'deal',
  payment: 'deal',
  document: 'document',
  product: 'product',
  proposal_template: 'proposalTemplate',
  task: 'task',
  activity: 'activity',
  user: 'user',
  // Anything else, and "everything" (the team server's connection was lost and is back), makes
  // every screen refetch.
};

const onChanged: Subscribe<ChangedPayload> = (handler) =>
  inShell() ? listen<ChangedPayload>(CHANGED_EVENT, (e) => handler(e.payload)) : Promise.resolve(() => {});

/** Re-reads what a change touched instead of polling. */
export function useChangeEvents(): void {
  const invalidate = useInvalidate();
  const handler = useCallback(
    (p: ChangedPayload) => void invalidate(RELATED[p.entity] ?? 'app'),
    [invalidate],
  );
  useShellEvent(onChanged, handler);
}
