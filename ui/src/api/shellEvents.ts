import type { UnlistenFn } from '@tauri-apps/api/event';
import { useEffect, useRef } from 'react';

/** A subscription to one of the shell's events; it resolves to the way to stop listening. */
export type Subscribe<T> = (handler: (payload: T) => void) => Promise<UnlistenFn>;

/** Outside the desktop shell (a plain browser, component tests) there is no event bridge. */
export function inShell(): boolean {
  return '__TAURI_INTERNALS__' in window;
}

/**
 * Calls `handler` for each event while the component is mounted and `enabled`. Unmounting
 * before the subscription resolves still stops it, so no listener outlives its screen.
 */
export function useShellEvent<T>(subscribe: Subscribe<T>, handler: (payload: T) => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    let stop: UnlistenFn | undefined;
    let gone = false;
    void subscribe((payload) => latest.current(payload)).then((unlisten) => {
      if (gone) unlisten();
      else stop = unlisten;
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [subscribe, enabled]);
}
