import { useTranslation } from 'react-i18next';
import { locale } from '../../i18n';

/** A price with its kopiyky: a catalog and a deal's lines show what the client pays per unit. */
export function formatPrice(minor: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(locale(lang), { style: 'currency', currency, minimumFractionDigits: 2 }).format(minor / 100);
  } catch {
    // An unknown currency code still shows the amount.
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

export function Price({ minor, currency }: { minor: number; currency: string }) {
  const { i18n } = useTranslation();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatPrice(minor, currency, i18n.language)}</span>;
}
