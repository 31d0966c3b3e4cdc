import { useTranslation } from 'react-i18next';
import { locale } from '../i18n';

export function formatDateTime(ms: number, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A calendar date ("2026-03-31") shown in the user's order, without time-zone shifts. */
export function formatDate(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

export function When({ ms }: { ms: number | null | undefined }) {
  const { i18n } = useTranslation();
  if (ms == null) return null;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(ms, i18n.language)}</span>;
}

export function DateText({ date }: { date: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!date) return null;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDate(date, i18n.language)}</span>;
}
