import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError, type FieldErrorTarget } from './errors';

/**
 * A handler for a mutation's onError: a server error naming a field shows under that field,
 * translated by its code; any other error becomes a notification.
 */
export function useFormErrors(form: FieldErrorTarget, aliases?: Record<string, string>) {
  const { t } = useTranslation();
  return useCallback((e: unknown) => reportError(form, e, t, aliases), [form, t, aliases]);
}
