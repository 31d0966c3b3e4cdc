import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { keys } from './keys';
import type { PlanCell } from './types';

/** The plans of the months `from` to `to` ("YYYY-MM"): the team's and each person's. */
export function usePlans(from: string, to: string) {
  return useQuery({
    queryKey: keys.plans(from, to),
    queryFn: () => call(commands.plansBetween(from, to)),
  });
}

/** Saves the grid's changed cells as one change; the dashboard and the gong read them. */
export function useSavePlans() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (cells: PlanCell[]) => call(commands.savePlans(cells)),
    onSettled: () =>
      Promise.all([keys.allPlans, keys.reports, keys.gongs].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}
