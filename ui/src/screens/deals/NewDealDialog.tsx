import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Id } from '../../api/types';
import { DealForm } from './DealForm';

export function NewDealDialog({ opened, onClose, pipelineId }: {
  opened: boolean;
  onClose: () => void;
  pipelineId: Id | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title={t('deal.new')} size="xl" data-testid="new-deal-dialog">
      {opened && pipelineId && (
        <DealForm
          deal={null}
          pipelineId={pipelineId}
          onSaved={(deal) => {
            onClose();
            navigate(`/deals/${deal.id}`);
          }}
        />
      )}
    </Modal>
  );
}
