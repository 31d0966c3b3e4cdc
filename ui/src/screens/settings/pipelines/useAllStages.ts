import { useQueries } from '@tanstack/react-query';
import { call } from '../../../api/call';
import { commands } from '../../../api/commands';
import { usePipelines } from '../../../api/dictionaries';
import { keys } from '../../../api/keys';
import type { Stage } from '../../../api/types';

/** The stages of every pipeline: where an archived stage's deals may go. */
export function useAllStages(): Stage[] {
  const pipelines = usePipelines();
  const results = useQueries({
    queries: (pipelines.data ?? []).map((p) => ({
      queryKey: keys.stages(p.id),
      queryFn: () => call(commands.listStages(p.id)),
    })),
  });
  return results.flatMap((r) => r.data ?? []);
}
