import { useTranslation } from 'react-i18next';
import { useBoard } from '../../api/deals';
import type { Id } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { Kanban } from './Kanban';
import { useDealMove } from './useDealMove';

export function Board({ pipelineId, ownerId, ownerNames }: {
  pipelineId: Id;
  ownerId: Id | null;
  ownerNames: Map<Id, string>;
}) {
  const { t } = useTranslation();
  const board = useBoard(pipelineId, ownerId);
  const { move, dialogs } = useDealMove();
  if (board.isPending) return <ListSkeleton rows={4} height={80} />;
  if (board.isError) return <QueryError error={board.error} retry={() => void board.refetch()} />;
  if (board.data.length === 0) return <EmptyState title={t('deals.noStages')} />;
  return (
    <>
      {board.data.every((c) => c.deals.length === 0) && (
        <EmptyState title={t('deals.empty')} hint={t('deals.emptyHint')} testId="deals-empty" />
      )}
      <Kanban columns={board.data} ownerNames={ownerNames} onMove={move} />
      {dialogs}
    </>
  );
}
