import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';

const BACKUPS = ['backups'] as const;

/** The backups of the open local file, newest first. */
export function useBackups(enabled: boolean) {
  return useQuery({ queryKey: BACKUPS, queryFn: () => call(commands.backups()), enabled });
}

export function useBackUpNow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(commands.backUpNow()),
    onSettled: () => qc.invalidateQueries({ queryKey: BACKUPS }),
  });
}

/** A restore replaces every record: the whole cache goes, as on a switch of database. */
export function useRestoreBackup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(commands.restoreBackup(name)),
    onSuccess: () => qc.resetQueries(),
  });
}
