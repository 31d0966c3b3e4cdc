import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { Channel } from '@tauri-apps/api/core';
import { keys } from './keys';
import type { AppInfo, DemoProgress, Language, TeamConnection, User } from './types';

export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: () => call(commands.appInfo()) });
}

/** The first start; `onProgress` follows the demo's loading, in deals. */
export function useFirstStart(onProgress: (p: DemoProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; language: Language; demo: boolean }) =>
      call(commands.firstStart(v.name, v.language, v.demo, new Channel<DemoProgress>(onProgress))),
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** Switching databases changes every answer, so the whole cache goes. */
export function useConnectTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { connection: TeamConnection; password: string }) =>
      call(commands.connectTeam(v.connection, v.password)),
    onSuccess: () => qc.resetQueries(),
  });
}

export function useLocalDatabase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(commands.useLocal()),
    onSuccess: () => qc.resetQueries(),
  });
}

/** Saves the signed-in user's language and time zone on their user; Settings shows the saved user. */
export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { language: Language; timeZone: string }) =>
      call(commands.setMyPreferences(v.language, v.timeZone)),
    onSuccess: (user: User) => {
      qc.setQueryData<AppInfo>(keys.appInfo, (info) => (info ? { ...info, user } : info));
      void qc.invalidateQueries({ queryKey: keys.users });
    },
  });
}
