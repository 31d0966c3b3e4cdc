import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../api/errors';
import { useMakeProposal } from '../../api/proposals';
import type { Deal } from '../../api/types';
import { DocumentsSection } from '../../components/documents/DocumentsSection';
import { useCurrentUser, useRights } from '../../shell/currentUser';

/** The deal's documents, its proposals among them: made or attached here, kept in the database. */
export function DealDocuments({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const make = useMakeProposal();
  const rights = useRights();
  const me = useCurrentUser();
  const live = deal.deleted_at == null;
  // The deal's documents are its owner's, the head's and the admin's to change (rights.rs).
  const mayChange = live && (!!rights?.all_deals || deal.owner_id === me?.id);
  return (
    <DocumentsSection
      of={{ kind: 'deal', id: deal.id }}
      mayChange={mayChange}
      actions={
        mayChange && (
          <Button
            loading={make.isPending}
            onClick={() => make.mutate(deal.id, { onError: (e) => notifyError(t, e) })}
            data-testid="make-proposal"
          >
            {t('proposal.make')}
          </Button>
        )
      }
    />
  );
}
