import type { TFunction } from 'i18next';

const KB = 1024;
const MB = KB * KB;

/** A file's size as people read it: whole kilobytes below a megabyte, megabytes above. */
export function fileSize(t: TFunction, bytes: number): string {
  if (bytes < MB) return t('documents.kb', { count: Math.max(1, Math.round(bytes / KB)) });
  return t('documents.mb', { count: Math.round((bytes / MB) * 10) / 10 });
}
