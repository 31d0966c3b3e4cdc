import { createContext, useContext } from 'react';
import type { AppInfo, Rights, User } from '../api/types';

export const AppInfoContext = createContext<AppInfo | null>(null);

export function useAppInfoContext(): AppInfo | null {
  return useContext(AppInfoContext);
}

export function useCurrentUser(): User | null {
  return useContext(AppInfoContext)?.user ?? null;
}

/**
 * What the signed-in user's role may do, to hide what it may not; the store refuses anyway.
 * Nobody signed in may do nothing.
 */
export function useRights(): Rights | null {
  return useContext(AppInfoContext)?.rights ?? null;
}

/** Where the app opens: the head of sales starts the day on the plan/fact dashboard. */
export function homePath(info: AppInfo): string {
  return info.user?.role === 'head' ? '/reports' : '/today';
}
