import { Button, Group, SegmentedControl, Select, Stack, Title } from '@mantine/core';
import { useHotkeys, useLocalStorage } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePipelines, useUserNames } from '../../api/dictionaries';
import type { Id } from '../../api/types';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { UserSelect } from '../../components/pickers/UserSelect';
import { Board } from './Board';
import { DealTable } from './DealTable';
import { narrowsDeals, readDealsLink } from './dealsLink';
import { NewDealDialog } from './NewDealDialog';
import { ImportButton } from '../import/ImportButton';

type View = 'board' | 'table';

export function DealsScreen() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const ownerNames = useUserNames();
  const [chosen, setChosen] = useLocalStorage<string | null>({ key: 'voronka.pipeline', defaultValue: null });
  const [view, setView] = useLocalStorage<View>({ key: 'voronka.dealsView', defaultValue: 'board' });
  // A link from a report presets the filters once; the choices made here then take over.
  const [params] = useSearchParams();
  const [link] = useState(() => readDealsLink(params));
  const [pipelineHere, setPipelineHere] = useState<Id | null>(link.pipelineId);
  const [viewHere, setViewHere] = useState<View | null>(narrowsDeals(link) ? 'table' : null);
  const [ownerId, setOwnerId] = useState<Id | null>(link.ownerId);
  const [creating, setCreating] = useState(false);
  useHotkeys([['n', () => setCreating(true)]]);

  const list = pipelines.data ?? [];
  const shownView = viewHere ?? view;
  // An archived pipeline is shown when asked for by name (a link, the last choice), never offered.
  const inUse = list.filter((p) => !p.archived);
  const pipelineId =
    list.find((p) => p.id === pipelineHere)?.id ??
    list.find((p) => p.id === chosen)?.id ??
    inUse.find((p) => p.is_default)?.id ??
    inUse[0]?.id ??
    list[0]?.id ??
    null;

  if (pipelines.isPending) return <ListSkeleton rows={6} />;
  if (pipelines.isError) return <QueryError error={pipelines.error} retry={() => void pipelines.refetch()} />;

  return (
    <Stack gap="sm" data-testid="deals-screen">
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('deals.title')}</Title>
          <Select
            data={list.filter((p) => !p.archived || p.id === pipelineId).map((p) => ({ value: p.id, label: p.name }))}
            value={pipelineId}
            onChange={(v) => {
              if (!v) return;
              setChosen(v);
              setPipelineHere(v);
            }}
            allowDeselect={false}
            aria-label={t('deals.pipeline')}
            data-testid="pipeline-select"
          />
          <UserSelect
            placeholder={t('deals.allOwners')}
            clearable
            value={ownerId}
            onChange={setOwnerId}
            aria-label={t('deal.owner')}
            data-testid="owner-filter"
          />
        </Group>
        <Group>
          <SegmentedControl
            value={shownView}
            onChange={(v) => {
              setView(v as View);
              setViewHere(v as View);
            }}
            data={[
              { value: 'board', label: t('deals.board') },
              { value: 'table', label: t('deals.table') },
            ]}
            data-testid="deals-view"
          />
          <ImportButton kind="deals" />
          <Button onClick={() => setCreating(true)} data-testid="new-deal">
            {t('deal.new')}
          </Button>
        </Group>
      </Group>
      {pipelineId &&
        (shownView === 'board' ? (
          <Board pipelineId={pipelineId} ownerId={ownerId} ownerNames={ownerNames} />
        ) : (
          <DealTable
            pipelineId={pipelineId}
            ownerId={ownerId}
            ownerNames={ownerNames}
            link={pipelineId === link.pipelineId ? link : {}}
          />
        ))}
      <NewDealDialog opened={creating} onClose={() => setCreating(false)} pipelineId={pipelineId} />
    </Stack>
  );
}
