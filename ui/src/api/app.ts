import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { Channel } from '@tauri-apps/api/core';
import { keys } from './keys';
import type { DatabaseDialog, DemoProgress, Language, MyContactsInput, Startup, TeamConnection, User } from './types';

/** The open database, or the start-up problem that kept every database closed. */
export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: () => call(commands.appInfo()) });
}

/** Settings → About: the version, the database and where the data and the log are. */
export function useAbout() {
  return useQuery({ queryKey: keys.about, queryFn: () => call(commands.about()) });
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

/**
 * A call that may switch databases: a switch changes every answer, so the whole cache goes.
 * A cancelled file dialog (`null`) switched nothing.
 */
function useSwitch<V, T>(run: (v: V) => Promise<T>, { failureChangesState = false } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (done) => (done === null ? undefined : qc.resetQueries()),
    onError: () => (failureChangesState ? qc.resetQueries() : undefined),
  });
}

export function useConnectTeam() {
  return useSwitch((v: { connection: TeamConnection; password: string }) =>
    call(commands.connectTeam(v.connection, v.password)),
  );
}

export function useLocalDatabase() {
  return useSwitch(() => call(commands.useLocal()));
}

/** "Try again" on the start-up screen. */
export function useRetryStart() {
  return useSwitch(() => call(commands.retryStart()));
}

/** The local file while the team database waits; the header marks it until `useBackToTeam`. */
export function useWorkLocally() {
  // A local file that fails too becomes the start-up problem to show.
  return useSwitch(() => call(commands.workLocally()), { failureChangesState: true });
}

export function useBackToTeam() {
  return useSwitch(() => call(commands.backToTeam()));
}

/** Another SQLite file, picked in the shell's open dialog. */
export function useOpenDatabaseFile() {
  return useSwitch((dialog: DatabaseDialog) => call(commands.openDatabaseFile(dialog)));
}

/** A new local database where the shell's save dialog says. */
export function useCreateDatabaseFile() {
  return useSwitch((dialog: DatabaseDialog) => call(commands.createDatabaseFile(dialog)));
}

/** The signed-in user as a save answered: the app's start state and the users' lists show it. */
function useSavedMe() {
  const qc = useQueryClient();
  return (user: User) => {
    qc.setQueryData<Startup>(keys.appInfo, (start) => (start?.state === 'ready' ? { ...start, user } : start));
    void qc.invalidateQueries({ queryKey: keys.users });
  };
}

/** Saves the signed-in user's language and time zone on their user; Settings shows the saved user. */
export function useSavePreferences() {
  return useMutation({
    mutationFn: (v: { language: Language; timeZone: string }) =>
      call(commands.setMyPreferences(v.language, v.timeZone)),
    onSuccess: useSavedMe(),
  });
}

/** Saves the signed-in user's name, email and phone at the version the form read. */
export function useSaveMyContacts() {
  return useMutation({
    mutationFn: (v: { version: number; contacts: MyContactsInput }) =>
      call(commands.setMyContacts(v.version, v.contacts)),
    onSuccess: useSavedMe(),
  });
}
