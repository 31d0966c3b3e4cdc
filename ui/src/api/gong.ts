import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { events } from '../bindings';
import { call } from './call';
import { commands } from './commands';
import { keys } from './keys';
import { inShell, type Subscribe } from './shellEvents';
import type { GongEvent, NotificationSettings, OpenRecord, StoredNotificationSettings } from './types';

/** The feed keeps as many gongs as the shell hands back on start. */
export const FEED_LENGTH = 20;

const never = () => Promise.resolve(() => {});

/** A deal won or a payment received anywhere in the team, as the shell rings it. */
export const onGong: Subscribe<GongEvent> = (handler) =>
  inShell() ? events.gongRung.listen((e) => handler(e.payload)) : never();

/** A desktop notification was clicked: the shell names the screen it was about. */
export const onOpenRecord: Subscribe<OpenRecord> = (handler) =>
  inShell() ? events.openRecord.listen((e) => handler(e.payload)) : never();

/** The last gongs of the open database, oldest first as the shell sends them. */
export function useRecentGongs() {
  return useQuery({ queryKey: keys.gongs, queryFn: () => call(commands.recentGongs()) });
}

/**
 * Adds a gong that arrived as an event to the cached feed. The shell may ring a gong the
 * initial read already returned, so a known `seq` is not added twice.
 */
export function withGong(feed: GongEvent[] | undefined, gong: GongEvent): GongEvent[] {
  const list = feed ?? [];
  if (list.some((g) => g.seq === gong.seq)) return list;
  return [...list, gong].sort((a, b) => a.seq - b.seq).slice(-FEED_LENGTH);
}

export function useNotificationSettings() {
  return useQuery({ queryKey: keys.notificationSettings, queryFn: () => call(commands.notificationSettings()) });
}

export function useSaveNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { version: number; settings: NotificationSettings }) =>
      call(commands.saveNotificationSettings(v.version, v.settings)),
    onSuccess: (saved: StoredNotificationSettings) => qc.setQueryData(keys.notificationSettings, saved),
  });
}
