import type { Cell } from '../../api/types';
import { formatMoney } from '../../components/Money';
import { locale } from '../../i18n';

function decimal(n: number, lang: string, places: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: places }).format(n);
}

/** A report cell as the head reads it, in the UI language; an empty cell shows a dash. */
export function cellText(cell: Cell, lang: string): string {
  switch (cell.kind) {
    case 'empty':
      return '—';
    case 'text':
      return cell.value;
    case 'integer':
      return decimal(cell.value, lang, 0);
    case 'money':
      return formatMoney(cell.value.minor, cell.value.currency, lang);
    case 'percent':
      // Reports give 0–100 with one or two decimals already rounded: shown as they come.
      return `${decimal(cell.value, lang, 2)} %`;
    case 'date': {
      const [y, m, d] = cell.value.split('-').map(Number);
      return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' })
        .format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
    }
    case 'days':
      return decimal(cell.value, lang, 1);
    case 'number':
      return decimal(cell.value, lang, 3);
  }
}

/** Numbers line up on the right, as in a spreadsheet. */
export function alignRight(cell: Cell | undefined): boolean {
  return !!cell && cell.kind !== 'text' && cell.kind !== 'date' && cell.kind !== 'empty';
}
