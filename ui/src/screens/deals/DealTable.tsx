import { CloseButton, Group, Pill, Select, Stack } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDealList } from '../../api/deals';
import { useStageNames } from '../../api/dictionaries';
import { flatten } from '../../api/paging';
import type { DealStatus, Id } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../components/When';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { VirtualTable, type SortState } from '../../components/VirtualTable';
import { ListExportButton, shownColumns } from '../../components/ListExportButton';
import { ColumnChooser } from './ColumnChooser';
import { DEAL_COLUMN_KEYS, dealColumns } from './dealColumns';
import type { DealsLink } from './dealsLink';

const DEFAULT_COLUMNS = ['title', 'company', 'amount', 'stage', 'owner', 'status', 'expected_close_date'];
const STATUSES: DealStatus[] = ['open', 'won', 'lost'];

/**
 * The pipeline's deals as rows. The store lists deals newest first without a sort of its own,
 * so sorting here reorders the rows loaded so far. A link (from a report) presets the stage,
 * the status and the days the deals were created in.
 */
export function DealTable({ pipelineId, ownerId, ownerNames, link = {} }: {
  pipelineId: Id;
  ownerId: Id | null;
  ownerNames: Map<Id, string>;
  link?: DealsLink;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const stages = useStageNames(pipelineId);
  const [stageId, setStageId] = useState<Id | null>(link.stageId ?? null);
  const [status, setStatus] = useState<DealStatus | null>(link.status ?? null);
  const [created, setCreated] = useState({ from: link.createdFrom ?? null, to: link.createdTo ?? null });
  const [sort, setSort] = useState<SortState | null>(null);
  const [visible, setVisible] = useLocalStorage<string[]>({ key: 'voronka.dealColumns', defaultValue: DEFAULT_COLUMNS });
  const filter = {
    pipeline_id: pipelineId,
    owner_id: ownerId,
    stage_id: stageId,
    status,
    created_from: created.from,
    created_to: created.to,
  };
  const list = useDealList(filter);

  const columns = useMemo(() => dealColumns(t, stages, ownerNames), [t, stages, ownerNames]);
  const rows = useMemo(() => {
    const all = flatten(list.data?.pages);
    if (!sort) return all;
    const value = columns[sort.key as keyof typeof columns].value;
    const sign = sort.descending ? -1 : 1;
    return [...all].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    });
  }, [list.data, sort, columns]);

  const shown = DEAL_COLUMN_KEYS.filter((k) => visible.includes(k)).map((k) => columns[k]);
  const labels = Object.fromEntries(DEAL_COLUMN_KEYS.map((k) => [k, columns[k].label]));

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group gap="xs">
          <Select
            size="xs"
            placeholder={t('deals.allStages')}
            clearable
            data={[...stages.values()].map((s) => ({ value: s.id, label: s.name }))}
            value={stageId}
            onChange={setStageId}
            data-testid="deal-table-stage"
          />
          <Select
            size="xs"
            placeholder={t('deals.allStatuses')}
            clearable
            data={STATUSES.map((s) => ({ value: s, label: t(`dealStatus.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as DealStatus | null)}
            data-testid="deal-table-status"
          />
          {(created.from || created.to) && (
            <Pill size="md" data-testid="deal-table-created">
              <Group gap={4} wrap="nowrap">
                {t('deals.createdIn', {
                  from: created.from ? formatDate(created.from, i18n.language) : '…',
                  to: created.to ? formatDate(created.to, i18n.language) : '…',
                })}
                <CloseButton
                  size="xs"
                  aria-label={t('deals.anyCreated')}
                  onClick={() => setCreated({ from: null, to: null })}
                  data-testid="deal-table-created-clear"
                />
              </Group>
            </Pill>
          )}
        </Group>
        <Group gap="xs">
          <ListExportButton
            query={{ list: 'deals', filter }}
            columns={shownColumns(shown)}
            title={t('deals.title')}
            filters={[
              ...(ownerId ? [{ label: t('deal.owner'), value: ownerNames.get(ownerId) ?? '' }] : []),
              ...(stageId ? [{ label: t('deal.stage'), value: stages.get(stageId)?.name ?? '' }] : []),
              ...(status ? [{ label: t('deal.status'), value: t(`dealStatus.${status}`) }] : []),
            ]}
          />
          <ColumnChooser all={DEAL_COLUMN_KEYS} labels={labels} visible={visible} onChange={setVisible} />
        </Group>
      </Group>
      {list.isPending && <ListSkeleton rows={8} />}
      {list.isError && <QueryError error={list.error} retry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <EmptyState title={t('deals.empty')} testId="deals-empty" />}
      {list.isSuccess && rows.length > 0 && (
        <VirtualTable
          rows={rows}
          columns={shown}
          rowKey={(d) => d.id}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, descending: s?.key === key ? !s.descending : false }))}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onEndReached={() => void list.fetchNextPage()}
          onRowClick={(d) => navigate(`/deals/${d.id}`)}
          testId="deal-table"
          rowTestId="deal-row"
        />
      )}
    </Stack>
  );
}
