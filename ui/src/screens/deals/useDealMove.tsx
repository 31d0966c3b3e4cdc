import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../api/call';
import { useMoveDealMutation } from '../../api/deals';
import { notifyError } from '../../api/errors';
import { keys } from '../../api/keys';
import type { BoardColumn, Deal, Id } from '../../api/types';
import { withDealMoved } from './boardCache';
import { DealEditDialog } from './DealEditDialog';
import { LossDialog, type LossAnswer } from './LossDialog';

/** What the server asked for before the deal may move. */
type Pending =
  | { need: 'loss'; deal: Deal; stageId: Id }
  | { need: 'fields'; deal: Deal; stageId: Id; error: ApiError };

/**
 * Moving a deal between stages. The UI does not know the stage rules: it asks, and when the
 * server refuses for a missing loss reason or unfilled stage fields, it opens the dialog that
 * collects them and asks again.
 */
export function useDealMove(): { move: (deal: Deal, stageId: Id) => void; dialogs: ReactNode } {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mutation = useMoveDealMutation();
  const [pending, setPending] = useState<Pending | null>(null);

  /** Resolves when the deal moved or a dialog took over; rejects on any other refusal. */
  const attempt = useCallback(
    async (deal: Deal, stageId: Id, loss?: LossAnswer) => {
      try {
        await mutation.mutateAsync({
          deal,
          to: { stage_id: stageId, loss_reason_id: loss?.reasonId ?? null, loss_comment: loss?.comment ?? null },
        });
        setPending(null);
      } catch (e) {
        if (isApiError(e, 'loss_reason_required')) setPending({ need: 'loss', deal, stageId });
        // A proposal is made on the deal's card, not in its form: the refusal says so instead.
        else if (isApiError(e, 'stage_requirements') && e.field !== 'proposal') setPending({ need: 'fields', deal, stageId, error: e });
        else throw e;
      }
    },
    [mutation],
  );

  const move = useCallback(
    (deal: Deal, stageId: Id) => {
      qc.setQueriesData<BoardColumn[]>({ queryKey: keys.boards }, (cols) =>
        cols ? withDealMoved(cols, deal.id, stageId) : cols,
      );
      attempt(deal, stageId).catch((e) => notifyError(t, e));
    },
    [qc, attempt, t],
  );

  const close = () => setPending(null);

  const dialogs = (
    <>
      <LossDialog
        opened={pending?.need === 'loss'}
        onClose={close}
        onSubmit={(answer) => (pending ? attempt(pending.deal, pending.stageId, answer) : Promise.resolve())}
      />
      {pending?.need === 'fields' && (
        <DealEditDialog
          key={`${pending.deal.version}-${pending.error.field}`}
          dealId={pending.deal.id}
          highlight={pending.error}
          onClose={close}
          onSaved={(saved) => attempt(saved, pending.stageId).catch((e) => notifyError(t, e))}
        />
      )}
    </>
  );

  return { move, dialogs };
}
