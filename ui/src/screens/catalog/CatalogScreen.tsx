import { Button, Group, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductList } from '../../api/catalog';
import { flatten } from '../../api/paging';
import type { Product } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { useAppInfoContext } from '../../shell/currentUser';
import { Price } from './Price';
import { ProductDialog } from './ProductDialog';

const FILTER_DEBOUNCE_MS = 250;

/** The product catalog in one scrolling sheet, read from the store a page at a time. */
export function CatalogScreen() {
  const { t } = useTranslation();
  const setup = useAppInfoContext()?.rights?.setup ?? false;
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), FILTER_DEBOUNCE_MS);
  const [archived, setArchived] = useState(false);
  const [sort, setSort] = useState<SortState>({ key: 'name', descending: false });
  // `undefined`: closed; `null`: a new product.
  const [editing, setEditing] = useState<Product | null | undefined>(undefined);
  useHotkeys([['n', () => setup && setEditing(null)]]);

  const list = useProductList({ text: debounced || null, archived, sort: sort.key, descending: sort.descending });
  const rows = useMemo(() => flatten(list.data?.pages), [list.data]);
  const columns = useMemo<Column<Product>[]>(
    () => [
      { key: 'name', label: t('catalog.name'), width: 320, sortable: true, render: (p) => p.name },
      { key: 'sku', label: t('catalog.sku'), width: 140, sortable: true, render: (p) => p.sku },
      { key: 'unit', label: t('catalog.unit'), width: 90, sortable: true, render: (p) => p.unit },
      { key: 'price', label: t('catalog.price'), width: 140, sortable: true, render: (p) => <Price minor={p.price} currency={p.currency} /> },
      { key: 'stock', label: t('catalog.stock'), width: 110, sortable: true, render: (p) => p.stock },
      { key: 'lead_time_days', label: t('catalog.leadTime'), width: 150, sortable: true, render: (p) => t('catalog.days', { count: p.lead_time_days }) },
    ],
    [t],
  );

  return (
    <Stack gap="sm" data-testid="catalog-screen">
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('catalog.title')}</Title>
          <TextInput
            placeholder={t('catalog.filter')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-label={t('catalog.filter')}
            data-testid="catalog-filter"
          />
          <Switch
            label={t('catalog.showArchived')}
            checked={archived}
            onChange={(e) => setArchived(e.currentTarget.checked)}
            data-testid="catalog-archived"
          />
        </Group>
        {setup && (
          <Button onClick={() => setEditing(null)} data-testid="new-product">
            {t('catalog.new')}
          </Button>
        )}
      </Group>
      {list.isPending && <ListSkeleton rows={10} />}
      {list.isError && <QueryError error={list.error} retry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && (
        <EmptyState
          title={archived ? t('catalog.emptyArchive') : t('catalog.empty')}
          hint={setup ? t('common.pressN') : undefined}
          testId="catalog-empty"
        />
      )}
      {list.isSuccess && rows.length > 0 && (
        <VirtualTable
          rows={rows}
          columns={columns}
          rowKey={(p) => p.id}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onEndReached={() => void list.fetchNextPage()}
          onRowClick={setup ? (p) => setEditing(p) : undefined}
          testId="catalog-table"
          rowTestId="product-row"
        />
      )}
      {editing !== undefined && (
        <ProductDialog key={editing?.id ?? 'new'} product={editing} opened onClose={() => setEditing(undefined)} />
      )}
    </Stack>
  );
}
