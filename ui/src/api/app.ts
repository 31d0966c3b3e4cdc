import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { events } from '../bindings';
import { keys } from './keys';
import { inShell, type Subscribe } from './shellEvents';
import type { DemoProgress, Language, TeamConnection } from './types';

export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: () => call(commands.appInfo()) });
}

export function useFirstStart() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; language: Language; demo: boolean }) =>
      call(commands.firstStart(v.name, v.language, v.demo)),
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** The demo's loading progress, in deals, while the first start runs. */
export const onDemoProgress: Subscribe<DemoProgress> = (handler) =>
  inShell() ? events.demoProgress.listen((e) => handler(e.payload)) : Promise.resolve(() => {});

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
