import { listen } from '@tauri-apps/api/event';
import { useEffect } from 'react';
import { touches, useInvalidate } from './invalidate';

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
  document: 'deal',
  task: 'task',
  activity: 'activity',
};

/**
 * Re-reads what a change touched instead of polling. Outside the desktop shell (tests, a plain
 * browser) there is no event bridge and nothing to listen to.
 */
export function useChangeEvents(): void {
  const invalidate = useInvalidate();
  useEffect(() => {
    if (!('__TAURI_INTERNALS__' in window)) return;
    let stop: (() => void) | undefined;
    let gone = false;
    void listen<ChangedPayload>(CHANGED_EVENT, (e) => {
      void invalidate(RELATED[e.payload.entity] ?? 'app');
    }).then((unlisten) => {
      if (gone) unlisten();
      else stop = unlisten;
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [invalidate]);
}
