import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { keys } from './keys';
import type { Id, Role, TeamConnection, UserInput } from './types';

/** Everyone in the database with their login, for the Team screen. */
export function useTeamMembers() {
  return useQuery({ queryKey: keys.team, queryFn: () => call(commands.teamMembers()) });
}

/** A change to a user: the Team screen, the pickers of owners and assignees, and the header. */
function useUserChange<V, T>(run: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () =>
      Promise.all([keys.team, keys.users, keys.appInfo].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

/** A new user; in a team database with a login, whose card the answer carries. */
export function useAddTeammate() {
  return useUserChange((input: UserInput) => call(commands.addTeammate(input)));
}

export function useGiveLogin() {
  return useUserChange((userId: Id) => call(commands.giveLogin(userId)));
}

export function useResetPassword() {
  return useUserChange((userId: Id) => call(commands.resetPassword(userId)));
}

export function useChangeRole() {
  return useUserChange((v: { userId: Id; version: number; role: Role }) =>
    call(commands.changeRole(v.userId, v.version, v.role)),
  );
}

export function useSetUserActive() {
  return useUserChange((v: { userId: Id; version: number; active: boolean }) =>
    call(commands.setUserActive(v.userId, v.version, v.active)),
  );
}

/** The signed-in teammate's own password; the answer is the app as it opened again with it. */
export function useSetMyPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => call(commands.setMyPassword(password)),
    onSuccess: () => qc.resetQueries(),
  });
}

/** A new team database, then the switch to it as its first admin: every answer changes. */
export function useCreateTeamDatabase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { server: TeamConnection; password: string; admin: UserInput }) =>
      call(commands.createTeamDatabase(v.server, v.password, v.admin)),
    onSuccess: () => qc.resetQueries(),
  });
}

/** The local file's data moved into a new team database, then the switch to it: every answer changes. */
export function useMoveToTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { server: TeamConnection; password: string }) => call(commands.moveToTeam(v.server, v.password)),
    onSuccess: () => qc.resetQueries(),
  });
}
