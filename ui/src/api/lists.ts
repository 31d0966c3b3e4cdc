import { Channel } from '@tauri-apps/api/core';
import { call } from './call';
import { commands } from './commands';
import type { ExportedReport, ExportProgress, ListExportRequest } from './types';

/** Writes a list's workbook to `path` (an answer of `chooseExportPath`). */
export function exportList(request: ListExportRequest, path: string, onProgress: (p: ExportProgress) => void): Promise<ExportedReport> {
  return call(commands.exportList(request, path, new Channel<ExportProgress>(onProgress)));
}
