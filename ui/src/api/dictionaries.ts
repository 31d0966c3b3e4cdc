import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from './call';
import { commands } from './commands';
import { keys } from './keys';
import type { Id, Stage } from './types';

// Dictionaries change rarely; a minute of staleness saves a round trip on every screen.
const DICTIONARY_STALE_MS = 60_000;

export function useUsers() {
  return useQuery({
    queryKey: keys.users,
    queryFn: () => call(commands.listUsers()),
    staleTime: DICTIONARY_STALE_MS,
  });
}

/** The users a record may be given to (owners, assignees): the store lists the active ones. */
export function useActiveUsers() {
  return useQuery({
    queryKey: keys.activeUsers,
    queryFn: () => call(commands.activeUsers()),
    staleTime: DICTIONARY_STALE_MS,
  });
}

export function useUserNames(): Map<Id, string> {
  const { data } = useUsers();
  return useMemo(() => new Map((data ?? []).map((u) => [u.id, u.name])), [data]);
}

export function usePipelines() {
  return useQuery({
    queryKey: keys.pipelines,
    queryFn: () => call(commands.listPipelines()),
    staleTime: DICTIONARY_STALE_MS,
  });
}

export function useStages(pipelineId: Id | null | undefined) {
  return useQuery({
    queryKey: keys.stages(pipelineId ?? ''),
    queryFn: () => call(commands.listStages(pipelineId ?? '')),
    enabled: !!pipelineId,
    staleTime: DICTIONARY_STALE_MS,
  });
}

export function useStageNames(pipelineId: Id | null | undefined): Map<Id, Stage> {
  const { data } = useStages(pipelineId);
  return useMemo(() => new Map((data ?? []).map((s) => [s.id, s])), [data]);
}

export function useLossReasons() {
  return useQuery({
    queryKey: keys.lossReasons,
    queryFn: () => call(commands.listLossReasons()),
    staleTime: DICTIONARY_STALE_MS,
  });
}

/** The loss reasons a deal may be lost with: the store lists the ones still offered. */
export function useActiveLossReasons() {
  return useQuery({
    queryKey: keys.activeLossReasons,
    queryFn: () => call(commands.activeLossReasons()),
    staleTime: DICTIONARY_STALE_MS,
  });
}

/** The IANA time zones a user may choose, from the Rust side's zone database. */
export function useTimeZones() {
  return useQuery({
    queryKey: keys.timeZones,
    queryFn: () => commands.timeZones(),
    staleTime: Infinity,
  });
}
