import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { fileSize } from '../components/documents/fileSize';
import { ApiError } from './call';
import { DOCUMENT_MAX_BYTES } from '../bindings';

/** The user's words for an error: the translation of its code, else the server's message. */
export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    // A duplicate's own message names the client and its owner, which the head needs to see.
    if (e.code === 'duplicate') return `${t('errors.duplicate')}: ${e.message}`;
    // A refusal by the rights names what was refused (a deal, the client base, users, ...).
    if (e.code === 'forbidden' && e.field) {
      return t(`errors.forbiddenOn.${e.field}`, { defaultValue: t('errors.forbidden') });
    }
    // A stage that needs a proposal: the form cannot fill it, the deal's documents can.
    if (e.code === 'stage_requirements' && e.field === 'proposal') return t('proposal.requiredForStage');
    // The limit the core keeps files under, in the user's units.
    if (e.code === 'file_too_large') return t('errors.file_too_large', { limit: fileSize(t, DOCUMENT_MAX_BYTES) });
    return t(`errors.${e.code}`, { defaultValue: e.message });
  }
  return e instanceof Error ? e.message : String(e);
}

/** The part of a Mantine form the error mapping needs. */
export interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
  getValues: () => object;
}

/**
 * Puts a server error on the form field it names; the caller is told whether it landed, so an
 * error about something the form does not show can still be reported elsewhere.
 */
export function applyFieldError(
  form: FieldErrorTarget,
  e: unknown,
  t: TFunction,
  aliases: Record<string, string> = {},
): boolean {
  if (!(e instanceof ApiError) || !e.field) return false;
  // The store names list items "qualification[2]"; Mantine paths are "qualification.2".
  const path = aliases[e.field] ?? e.field.replace(/\[(\d+)\]/g, '.$1');
  const root = path.split(/[.[]/)[0] ?? path;
  if (!(root in form.getValues())) return false;
  form.setFieldError(path, errorText(t, e));
  return true;
}

/** Shows an error no field can hold. */
export function notifyError(t: TFunction, e: unknown): void {
  notifications.show({
    color: 'red',
    title: t('errors.title'),
    message: errorText(t, e),
  });
}

/** Field error when the form has the field, a notification otherwise. */
export function reportError(
  form: FieldErrorTarget,
  e: unknown,
  t: TFunction,
  aliases?: Record<string, string>,
): void {
  if (!applyFieldError(form, e, t, aliases)) notifyError(t, e);
}
