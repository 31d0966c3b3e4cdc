import { Box, Button, Checkbox, Group, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCompanyList } from '../../api/companies';
import { useUserNames } from '../../api/dictionaries';
import { useChoices } from '../../api/setup';
import { flatten } from '../../api/paging';
import type { Company, Id } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ListExportButton, shownColumns } from '../../components/ListExportButton';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { UserSelect } from '../../components/pickers/UserSelect';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { When } from '../../components/When';
import { useRights } from '../../shell/currentUser';
import { HandoverDialog } from '../team/HandoverDialog';
import { NewCompanyDialog } from './NewCompanyDialog';
import { ImportButton } from '../import/ImportButton';

const FILTER_DEBOUNCE_MS = 250;

/** Every client in one scrolling sheet, read from the store a page at a time in the store's order. */
export function CompaniesScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const owners = useUserNames();
  const industries = useChoices('industry');
  const sources = useChoices('lead_source');
  const [ownerId, setOwnerId] = useState<Id | null>(null);
  const [city, setCity] = useState('');
  const [debouncedCity] = useDebouncedValue(city.trim(), FILTER_DEBOUNCE_MS);
  const [sort, setSort] = useState<SortState>({ key: 'name', descending: false });
  const [creating, setCreating] = useState(false);
  // Companies chosen to hand over together (idle clients, say), for those who may hand over.
  const handsOver = useRights()?.regulations ?? false;
  const [selected, setSelected] = useState<Id[]>([]);
  const [handingOver, setHandingOver] = useState<Id[] | null>(null);
  useHotkeys([['n', () => setCreating(true)]]);

  const filter = { owner_id: ownerId, city: debouncedCity || null, sort: sort.key, descending: sort.descending };
  const list = useCompanyList(filter);
  const rows = useMemo(() => flatten(list.data?.pages), [list.data]);

  const columns = useMemo<Column<Company>[]>(
    () => [
      ...(handsOver
        ? [
            {
              key: 'select',
              label: '',
              width: 44,
              render: (c: Company) => (
                // A click on the box chooses the row; it does not open the company.
                <Box onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    aria-label={t('companies.select')}
                    checked={selected.includes(c.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSelected((s) => (on ? [...s, c.id] : s.filter((id) => id !== c.id)));
                    }}
                    data-testid="company-select"
                  />
                </Box>
              ),
            },
          ]
        : []),
      { key: 'name', label: t('company.name'), width: 300, sortable: true, render: (c) => c.name },
      { key: 'city', label: t('company.city'), width: 150, sortable: true, render: (c) => c.city },
      { key: 'industry', label: t('company.industry'), width: 180, sortable: true, render: (c) => industries.nameOf(c.industry) },
      { key: 'work_phone', label: t('company.work_phone'), width: 160, render: (c) => c.work_phone },
      { key: 'email', label: t('company.email'), width: 220, render: (c) => c.email },
      { key: 'owner', label: t('company.owner_id'), width: 160, render: (c) => owners.get(c.owner_id) },
      {
        key: 'lead_source',
        label: t('company.lead_source'),
        width: 130,
        render: (c) => sources.nameOf(c.lead_source),
      },
      { key: 'created_at', label: t('common.createdAt'), width: 170, sortable: true, render: (c) => <When ms={c.created_at} /> },
      { key: 'updated_at', label: t('common.updatedAt'), width: 170, sortable: true, render: (c) => <When ms={c.updated_at} /> },
    ],
    [t, owners, industries, sources, handsOver, selected],
  );

  return (
    <Stack gap="sm" data-testid="companies-screen">
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('companies.title')}</Title>
          <UserSelect
            placeholder={t('deals.allOwners')}
            clearable
            value={ownerId}
            onChange={setOwnerId}
            aria-label={t('company.owner_id')}
            data-testid="companies-owner-filter"
          />
          <TextInput
            placeholder={t('company.city')}
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            aria-label={t('company.city')}
            data-testid="companies-city-filter"
          />
        </Group>
        <Group>
          {selected.length > 0 && (
            <Button variant="light" onClick={() => setHandingOver(selected)} data-testid="companies-handover-selected">
              {t('companies.handOverSelected', { count: selected.length })}
            </Button>
          )}
          <ImportButton kind="companies" />
          <ListExportButton
            query={{ list: 'companies', filter }}
            columns={shownColumns(columns)}
            title={t('companies.title')}
            filters={[
              ...(ownerId ? [{ label: t('company.owner_id'), value: owners.get(ownerId) ?? '' }] : []),
              ...(debouncedCity ? [{ label: t('company.city'), value: debouncedCity }] : []),
            ]}
          />
          <Button onClick={() => setCreating(true)} data-testid="new-company">
            {t('companies.new')}
          </Button>
        </Group>
      </Group>
      {list.isPending && <ListSkeleton rows={10} />}
      {list.isError && <QueryError error={list.error} retry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && (
        <EmptyState title={t('companies.empty')} hint={t('common.pressN')} testId="companies-empty" />
      )}
      {list.isSuccess && rows.length > 0 && (
        <VirtualTable
          rows={rows}
          columns={columns}
          rowKey={(c) => c.id}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onEndReached={() => void list.fetchNextPage()}
          onRowClick={(c) => navigate(`/companies/${c.id}`)}
          testId="companies-table"
          rowTestId="company-row"
        />
      )}
      <NewCompanyDialog opened={creating} onClose={() => setCreating(false)} />
      <HandoverDialog
        scope={handingOver && { kind: 'companies', company_ids: handingOver }}
        onClose={() => setHandingOver(null)}
        onDone={() => setSelected([])}
      />
    </Stack>
  );
}
