import { useTranslation } from 'react-i18next';
import { locale } from '../i18n';

/** Whole currency units: a sales board reads "₴120 000", the kopiyky only add noise. */
export function formatMoney(minor: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(locale(lang), {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(minor / 100);
  } catch {
    // An unknown currency code still shows the amount.
    return `${Math.round(minor / 100)} ${currency}`;
  }
}

export function Money({ minor, currency }: { minor: number; currency: string }) {
  const { i18n } = useTranslation();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(minor, currency, i18n.language)}</span>;
}
