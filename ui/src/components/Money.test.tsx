import { formatMoney } from './Money';

const nbsp = (s: string) => s.replace(/\s/g, ' ');

describe('formatMoney', () => {
  it('shows whole currency units from minor units', () => {
    // The symbol depends on the ICU data of the runtime; the grouping and rounding do not.
    expect(nbsp(formatMoney(12_000_000, 'UAH', 'uk'))).toMatch(/^120 000 (₴|грн\.?)$/);
    expect(nbsp(formatMoney(199, 'USD', 'en'))).toMatch(/^(US)?\$2$/);
  });

  it('still shows an amount for a currency code Intl does not accept', () => {
    expect(formatMoney(5_000, 'NOPE1', 'en')).toBe('50 NOPE1');
  });
});
