import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useDeleteDeal, useRestoreDeal } from '../../api/deals';
import { notifyError } from '../../api/errors';
import type { Deal } from '../../api/types';

/**
 * Deleting a deal (its tasks and activities go with it) and bringing it back. A deleted deal's
 * card stays reachable from its link, says it is deleted and offers to restore it.
 */
export function DealTrash({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const remove = useDeleteDeal();
  const restore = useRestoreDeal();
  const [asking, ask] = useDisclosure(false);

  if (deal.deleted_at != null) {
    return (
      <Alert color="gray" title={t('deal.deleted')} data-testid="deal-deleted">
        <Group justify="space-between">
          <Text size="sm">{t('deal.deletedHint')}</Text>
          <Button
            size="xs"
            disabled={restore.isPending}
            onClick={() => restore.mutate(deal, { onError: (e) => notifyError(t, e) })}
            data-testid="deal-restore"
          >
            {t('deal.restore')}
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <>
      <Button variant="subtle" color="red" size="xs" onClick={ask.open} data-testid="deal-delete">
        {t('deal.delete')}
      </Button>
      <Modal opened={asking} onClose={ask.close} title={t('deal.deleteTitle', { title: deal.title })}>
        <Stack>
          <Text size="sm">{t('deal.deleteHint')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={ask.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={remove.isPending}
              data-testid="deal-delete-confirm"
              onClick={() =>
                remove.mutate(deal, { onSuccess: ask.close, onError: (e) => notifyError(t, e) })
              }
            >
              {t('deal.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
