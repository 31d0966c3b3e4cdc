import { Button, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { reportError } from '../api/errors';
import { useDeal } from '../api/deals';
import { useStages } from '../api/dictionaries';
import { useCloseLossReview } from '../api/regulations';
import type { LossDecision, LossReviewInput, Task } from '../api/types';
import { defaultNextDue, dueMillis } from './dueDate';

type Answer = 'yes' | 'no' | 'unknown';

interface Values {
  objections_handled: Answer;
  call_attempts: number | string;
  can_revive: Answer;
  comment: string;
  decision: LossDecision;
  stage_id: string | null;
  task_title: string;
  task_due: string;
}

const flag = (a: Answer): boolean | null => (a === 'unknown' ? null : a === 'yes');

function inputOf(v: Values): LossReviewInput {
  const reopen = v.decision === 'reopen';
  return {
    objections_handled: flag(v.objections_handled),
    call_attempts: v.call_attempts === '' ? null : Number(v.call_attempts),
    can_revive: flag(v.can_revive),
    comment: v.comment,
    decision: v.decision,
    stage_id: reopen ? v.stage_id : null,
    task_title: reopen ? v.task_title : null,
    task_due_at: reopen ? dueMillis(v.task_due) : null,
  };
}

// The store's field names for what this form calls otherwise.
const ALIASES = { task_due_at: 'task_due' };

/**
 * Rule 5's review of a lost deal (seed 003): the head answers the checklist and ends the review
 * in one of two ways, confirming the loss or reopening the deal in an open stage with a task for
 * its manager. The answers are kept with the deal; closing never plans another review.
 */
export function LossReviewForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const close = useCloseLossReview();
  const deal = useDeal(task.deal_id);
  const stages = useStages(deal.data?.pipeline_id);
  const openStages = (stages.data ?? []).filter((s) => s.kind === 'open' && !s.archived);
  const form = useForm<Values>({
    initialValues: {
      objections_handled: 'unknown',
      call_attempts: '',
      can_revive: 'unknown',
      comment: '',
      decision: 'confirm',
      stage_id: null,
      task_title: '',
      task_due: defaultNextDue(),
    },
  });
  const answers = (['yes', 'no', 'unknown'] as const).map((a) => ({ value: a, label: t(`lossReview.answer.${a}`) }));
  const submit = form.onSubmit(async (v) => {
    try {
      await close.mutateAsync({ task, input: inputOf(v) });
      onDone();
    } catch (e) {
      reportError(form, e, t, ALIASES);
    }
  });
  return (
    <form onSubmit={submit} data-testid="loss-review-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('lossReview.intro')}
        </Text>
        <Stack gap={4}>
          <Text size="sm">{t('lossReview.objectionsHandled')}</Text>
          <SegmentedControl data={answers} data-testid="review-objections" {...form.getInputProps('objections_handled')} />
        </Stack>
        <NumberInput
          label={t('lossReview.callAttempts')}
          min={0}
          w={220}
          data-testid="review-call-attempts"
          {...form.getInputProps('call_attempts')}
        />
        <Stack gap={4}>
          <Text size="sm">{t('lossReview.canRevive')}</Text>
          <SegmentedControl data={answers} data-testid="review-can-revive" {...form.getInputProps('can_revive')} />
        </Stack>
        <Textarea
          label={t('lossReview.comment')}
          description={t('lossReview.commentHint')}
          autosize
          minRows={2}
          data-testid="review-comment"
          {...form.getInputProps('comment')}
        />
        <SegmentedControl
          data={[
            { value: 'confirm', label: t('lossReview.confirm') },
            { value: 'reopen', label: t('lossReview.reopen') },
          ]}
          data-testid="review-decision"
          {...form.getInputProps('decision')}
        />
        {form.values.decision === 'reopen' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('lossReview.stage')}
              data={openStages.map((s) => ({ value: s.id, label: s.name }))}
              data-testid="review-stage"
              {...form.getInputProps('stage_id')}
            />
            <TextInput label={t('lossReview.taskTitle')} data-testid="review-task-title" {...form.getInputProps('task_title')} />
            <DateTimePicker
              label={t('task.due')}
              valueFormat="DD.MM.YYYY HH:mm"
              data-testid="review-task-due"
              {...form.getInputProps('task_due')}
            />
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={close.isPending} data-testid="review-submit">
            {form.values.decision === 'reopen' ? t('lossReview.reopen') : t('lossReview.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
