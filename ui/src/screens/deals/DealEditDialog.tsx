import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/call';
import { useDeal } from '../../api/deals';
import type { Deal, Id } from '../../api/types';
import { ListSkeleton } from '../../components/ListSkeleton';
import { DealForm } from './DealForm';

/** The deal's form opened over the board, reading the deal fresh so its version is current. */
export function DealEditDialog({ dealId, highlight, onClose, onSaved }: {
  dealId: Id;
  highlight: ApiError | null;
  onClose: () => void;
  onSaved: (deal: Deal) => void;
}) {
  const { t } = useTranslation();
  const deal = useDeal(dealId);
  return (
    <Modal opened onClose={onClose} title={t('deal.edit')} size="xl" data-testid="deal-edit-dialog">
      {deal.data ? (
        <DealForm
          key={deal.data.version}
          deal={deal.data}
          pipelineId={deal.data.pipeline_id}
          highlight={highlight}
          onSaved={onSaved}
          onReload={() => void deal.refetch()}
        />
      ) : (
        <ListSkeleton rows={6} />
      )}
    </Modal>
  );
}
