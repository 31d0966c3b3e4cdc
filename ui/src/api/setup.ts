import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from './call';
import { commands } from './commands';
import { keys } from './keys';
import type {
  DealInput,
  DictionaryEntry,
  DictionaryEntryInput,
  DictionaryKind,
  Id,
  InOrder,
  LossReasonInput,
  PipelineInput,
  ProcessSettingsInput,
  StageInput,
} from './types';

// The department's set-up changes rarely; a minute of staleness saves a round trip per screen.
const SETUP_STALE_MS = 60_000;

/** Every entry of every dictionary, retired ones included: old records show their names. */
export function useDictionaries() {
  return useQuery({
    queryKey: keys.dictionaries,
    queryFn: () => call(commands.dictionaries()),
    staleTime: SETUP_STALE_MS,
  });
}

export interface Choices {
  /** What a form offers: the active entries, plus `current` (retired, or typed before the
   * dictionary) so an old record still shows its value. */
  options: (current?: string | null) => { value: string; label: string }[];
  /** The name a record's value is shown by: its entry's, else the value as stored. */
  nameOf: (code: string | null | undefined) => string;
}

/** One dictionary as a form and a table use it. */
export function useChoices(kind: DictionaryKind): Choices {
  const { data } = useDictionaries();
  return useMemo(() => {
    const entries = (data ?? []).filter((e) => e.dictionary === kind);
    const byCode = new Map(entries.map((e) => [e.code, e]));
    return {
      options: (current) => {
        const shown = entries.filter((e) => e.active || e.code === current);
        const list = shown.map((e) => ({ value: e.code, label: e.name }));
        if (current && !byCode.has(current)) list.push({ value: current, label: current });
        return list;
      },
      nameOf: (code) => (code ? (byCode.get(code)?.name ?? code) : ''),
    };
  }, [data, kind]);
}

/** A set-up change: what reads the set-up refetches (lists, boards, forms, reports). */
function useSetupChange<V, T>(run: (v: V) => Promise<T>, touched: QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => Promise.all(touched.map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

const DICTIONARY_READERS: QueryKey[] = [keys.dictionaries, keys.reports];
const LOSS_REASON_READERS: QueryKey[] = [keys.lossReasons, keys.reports];
// A stage archived with deals moves them: boards, deal lists, timelines and reports change.
const PIPELINE_READERS: QueryKey[] = [keys.pipelines, ['stages'], keys.boards, keys.deals, keys.timelines, keys.reports];

export function useCreateDictionaryEntry() {
  return useSetupChange(
    (v: { dictionary: DictionaryKind; input: DictionaryEntryInput }) =>
      call(commands.createDictionaryEntry(v.dictionary, v.input)),
    DICTIONARY_READERS,
  );
}

export function useUpdateDictionaryEntry() {
  return useSetupChange(
    (v: { entry: Pick<DictionaryEntry, 'id' | 'version'>; input: DictionaryEntryInput }) =>
      call(commands.updateDictionaryEntry(v.entry.id, v.entry.version, v.input)),
    DICTIONARY_READERS,
  );
}

export function useReorderDictionary() {
  return useSetupChange(
    (v: { dictionary: DictionaryKind; order: InOrder[] }) => call(commands.reorderDictionary(v.dictionary, v.order)),
    DICTIONARY_READERS,
  );
}

export function useCreateLossReason() {
  return useSetupChange((input: LossReasonInput) => call(commands.createLossReason(input)), LOSS_REASON_READERS);
}

export function useUpdateLossReason() {
  return useSetupChange(
    (v: { id: Id; version: number; input: LossReasonInput }) => call(commands.updateLossReason(v.id, v.version, v.input)),
    LOSS_REASON_READERS,
  );
}

export function useReorderLossReasons() {
  return useSetupChange((order: InOrder[]) => call(commands.reorderLossReasons(order)), LOSS_REASON_READERS);
}

export function useCreatePipeline() {
  return useSetupChange((input: PipelineInput) => call(commands.createPipeline(input)), PIPELINE_READERS);
}

export function useUpdatePipeline() {
  return useSetupChange(
    (v: { id: Id; version: number; input: PipelineInput }) => call(commands.updatePipeline(v.id, v.version, v.input)),
    PIPELINE_READERS,
  );
}

export function useSetPipelineArchived() {
  return useSetupChange(
    (v: { id: Id; version: number; archived: boolean }) => call(commands.setPipelineArchived(v.id, v.version, v.archived)),
    PIPELINE_READERS,
  );
}

export function useCreateStage() {
  return useSetupChange((input: StageInput) => call(commands.createStage(input)), PIPELINE_READERS);
}

export function useUpdateStage() {
  return useSetupChange(
    (v: { id: Id; version: number; input: StageInput }) => call(commands.updateStage(v.id, v.version, v.input)),
    PIPELINE_READERS,
  );
}

export function useReorderStages() {
  return useSetupChange(
    (v: { pipelineId: Id; order: InOrder[] }) => call(commands.reorderStages(v.pipelineId, v.order)),
    PIPELINE_READERS,
  );
}

export function useArchiveStage() {
  return useSetupChange(
    (v: { id: Id; version: number; moveTo: Id | null }) => call(commands.archiveStage(v.id, v.version, v.moveTo)),
    PIPELINE_READERS,
  );
}

export function useUnarchiveStage() {
  return useSetupChange(
    (v: { id: Id; version: number }) => call(commands.unarchiveStage(v.id, v.version)),
    PIPELINE_READERS,
  );
}

export function useProcessSettings() {
  return useQuery({
    queryKey: keys.processSettings,
    queryFn: () => call(commands.processSettings()),
    staleTime: SETUP_STALE_MS,
  });
}

export function useSaveProcessSettings() {
  return useSetupChange(
    (v: { version: number; input: ProcessSettingsInput }) => call(commands.saveProcessSettings(v.version, v.input)),
    [keys.processSettings, keys.reports, keys.gongs],
  );
}

/** The title the core would give a deal made from `input` (its own, or the template's). */
export function useDealTitlePreview(input: DealInput | null) {
  return useQuery({
    queryKey: keys.dealTitlePreview(input),
    queryFn: () => call(commands.dealTitlePreview(input as DealInput)),
    enabled: !!input,
    retry: false,
  });
}
