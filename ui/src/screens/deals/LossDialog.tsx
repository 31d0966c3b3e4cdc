import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useActiveLossReasons } from '../../api/dictionaries';
import { reportError } from '../../api/errors';
import type { Id } from '../../api/types';

export interface LossAnswer {
  reasonId: Id | null;
  comment: string | null;
}

const ALIASES = { loss_reason_id: 'reasonId', loss_comment: 'comment' };

/** Asked for when the server refuses to lose a deal without a reason (rule 5). */
export function LossDialog({ opened, onClose, onSubmit }: {
  opened: boolean;
  onClose: () => void;
  onSubmit: (answer: LossAnswer) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('loss.title')} data-testid="loss-dialog">
      {opened && <LossForm onSubmit={onSubmit} />}
    </Modal>
  );
}

function LossForm({ onSubmit }: { onSubmit: (answer: LossAnswer) => Promise<void> }) {
  const { t } = useTranslation();
  const reasons = useActiveLossReasons();
  const form = useForm<{ reasonId: string | null; comment: string }>({
    initialValues: { reasonId: null, comment: '' },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      await onSubmit({ reasonId: v.reasonId, comment: v.comment.trim() || null });
    } catch (e) {
      reportError(form, e, t, ALIASES);
    }
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Select
          label={t('loss.reason')}
          data={(reasons.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          data-testid="loss-reason"
          {...form.getInputProps('reasonId')}
        />
        <Textarea label={t('loss.comment')} autosize minRows={2} {...form.getInputProps('comment')} />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={form.submitting} data-testid="loss-submit">
            {t('loss.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
