import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductSearch } from '../../api/catalog';
import type { Product } from '../../api/types';
import { formatPrice } from '../catalog/Price';

/** How a product is offered: its name, and its SKU to tell apart products of one name. */
export const productLabel = (p: Product): string => (p.sku ? `${p.name} · ${p.sku}` : p.name);

/**
 * A line's product: typed to search the live catalog, picked to fill the line from it. Text that
 * matches no product stays a line of free text.
 */
export function ProductPicker({
  value,
  onChange,
  onPick,
  error,
}: {
  value: string;
  onChange: (text: string) => void;
  onPick: (product: Product) => void;
  error?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [search] = useDebouncedValue(value.trim(), 200);
  const found = useProductSearch(search);
  const products = useMemo(() => found.data?.items ?? [], [found.data]);
  // Mantine puts the picked option's label into the input after the pick: that is not typing.
  const picked = useRef<string | null>(null);
  const options = useMemo(
    () =>
      products.map((p) => ({
        value: productLabel(p),
        label: `${productLabel(p)} — ${formatPrice(p.price, p.currency, i18n.language)}`,
      })),
    [products, i18n.language],
  );
  return (
    <Autocomplete
      label={t('items.name')}
      placeholder={t('lines.pick')}
      value={value}
      onChange={(text) => {
        if (text === picked.current) return;
        picked.current = null;
        onChange(text);
      }}
      data={options}
      // The store has filtered already, by name and SKU in any case.
      filter={({ options: all }) => all}
      onOptionSubmit={(key) => {
        const product = products.find((p) => productLabel(p) === key);
        if (!product) return;
        picked.current = options.find((o) => o.value === key)?.label ?? null;
        onPick(product);
      }}
      error={error}
      style={{ flex: 2 }}
      data-testid="product-picker"
    />
  );
}
