import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { keys } from './keys';
import type { ReportFilter, ReportName } from './types';

/** The reports in the order the picker lists them: the head's daily dashboard first. */
export const REPORT_NAMES: ReportName[] = [
  'dashboard',
  'payment-plan',
  'funnel',
  'time-in-stage',
  'discipline',
  'loss-reasons',
  'lead-response',
  'new-vs-existing',
  'abc-xyz',
  'activity',
];

export function isReportName(v: string | null | undefined): v is ReportName {
  return !!v && (REPORT_NAMES as string[]).includes(v);
}

export function useReport(name: ReportName, filter: ReportFilter) {
  return useQuery({
    queryKey: keys.report(name, filter),
    queryFn: () => call(commands.report(name, filter)),
    // While a changed filter is computed, the last figures stay on screen instead of a skeleton.
    placeholderData: (previous, query) => (query?.queryKey[1] === name ? previous : undefined),
  });
}

export function useExportReport() {
  return useMutation({
    mutationFn: (v: { name: ReportName; filter: ReportFilter; path: string }) =>
      call(commands.exportReport(v.name, v.filter, v.path)),
  });
}


/** Opens a workbook this run of the app exported, in the program the OS uses for it. */
export function openExport(path: string): Promise<null> {
  return call(commands.openExport(path));
}
