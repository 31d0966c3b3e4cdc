import { Channel } from '@tauri-apps/api/core';
import { call } from './call';
import { commands } from './commands';
import type {
  ImportChoices,
  ImportInspection,
  ImportKind,
  ImportProgress,
  ImportReport,
  RefusedRow,
  RefusedTitles,
} from './types';

/**
 * Asks for the file to import in the shell's open dialog; `null` when cancelled. The shell
 * keeps the answer: it is the only file the other import commands read.
 */
export function chooseImportFile(title: string, filterName: string): Promise<string | null> {
  return call(commands.chooseImportFile(title, filterName));
}

/** The file's format, header and first rows, with the mapping to start from. */
export function inspectImport(path: string, kind: ImportKind): Promise<ImportInspection> {
  return call(commands.importInspect(path, kind));
}

/** A dry run: the totals and first rows of what the import would do, nothing written. */
export function previewImport(path: string, choices: ImportChoices): Promise<ImportReport> {
  return call(commands.importPreview(path, choices));
}

/** The import, in one transaction; `onProgress` hears after every batch. */
export function runImport(path: string, choices: ImportChoices, onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
  return call(commands.importRun(path, choices, new Channel<ImportProgress>(onProgress)));
}

/** Stops the import under way; it then writes nothing. */
export function cancelImport(): Promise<null> {
  return call(commands.cancelImport());
}

/** Writes the refused rows to `path` (an answer of `chooseExportPath`). */
export function saveRefused(path: string, header: string[], titles: RefusedTitles, rows: RefusedRow[]): Promise<null> {
  return call(commands.saveRefused(path, header, titles, rows));
}
