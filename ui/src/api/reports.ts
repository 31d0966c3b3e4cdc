import { useQuery } from '@tanstack/react-query';
import { Channel } from '@tauri-apps/api/core';
import { call } from './call';
import { commands } from './commands';
import { keys } from './keys';
import type { ExportedReport, ExportProgress, ReportFilter, ReportName } from './types';

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

/** Exports a report; `onProgress` hears the rows written so far, every thousand rows. */
/** Writes the report's workbook to `path` (an answer of `chooseExportPath`). */
export function exportReport(
  name: ReportName,
  filter: ReportFilter,
  path: string,
  onProgress: (p: ExportProgress) => void,
): Promise<ExportedReport> {
  return call(commands.exportReport(name, filter, path, new Channel<ExportProgress>(onProgress)));
}

/**
 * Asks where to save a workbook in the shell's save dialog; `null` when cancelled. The shell
 * keeps the answer: it is the only path an export may then write to.
 */
export function chooseExportPath(title: string, fileName: string, filterName: string): Promise<string | null> {
  return call(commands.chooseExportPath(title, fileName, filterName));
}

/** Opens a workbook this run of the app exported, in the program the OS uses for it. */
export function openExport(path: string): Promise<null> {
  return call(commands.openExport(path));
}
