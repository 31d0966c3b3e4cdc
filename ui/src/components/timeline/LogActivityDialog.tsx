import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useLogActivity } from '../../api/activities';
import { useChoices } from '../../api/setup';
import type { ActivityKind, Direction, Id } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';

export type LoggableKind = Extract<ActivityKind, 'call' | 'email' | 'meeting' | 'note'>;

export interface ActivityLink {
  deal_id?: Id | null;
  company_id?: Id | null;
  contact_id?: Id | null;
}

interface Values {
  body: string;
  direction: Direction;
  minutes: number | string;
  outcome: string | null;
  subject: string;
}

const ALIASES = { duration_s: 'minutes' };

export function LogActivityDialog({ kind, link, onClose }: {
  kind: LoggableKind | null;
  link: ActivityLink;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!kind} onClose={onClose} title={kind ? t(`timeline.log.${kind}`) : ''} data-testid="log-activity-dialog">
      {kind && <LogActivityForm kind={kind} link={link} onDone={onClose} />}
    </Modal>
  );
}

function LogActivityForm({ kind, link, onDone }: { kind: LoggableKind; link: ActivityLink; onDone: () => void }) {
  const { t } = useTranslation();
  const log = useLogActivity();
  const outcomes = useChoices('call_outcome');
  const form = useForm<Values>({
    initialValues: { body: '', direction: 'outbound', minutes: '', outcome: null, subject: '' },
  });
  const onError = useFormErrors(form, ALIASES);
  const submit = form.onSubmit((v) =>
    log.mutate(
      {
        kind,
        deal_id: link.deal_id ?? null,
        company_id: link.company_id ?? null,
        contact_id: link.contact_id ?? null,
        occurred_at: null,
        body: v.body.trim() || null,
        details:
          kind === 'call'
            ? {
                direction: v.direction,
                duration_s: v.minutes === '' ? null : Math.round(Number(v.minutes) * 60),
                outcome: v.outcome,
              }
            : kind === 'email'
              ? { subject: v.subject.trim() || null }
              : {},
      },
      { onSuccess: onDone, onError },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        {kind === 'call' && (
          <>
            <SegmentedControl
              data={[
                { value: 'outbound', label: t('timeline.outbound') },
                { value: 'inbound', label: t('timeline.inbound') },
              ]}
              {...form.getInputProps('direction')}
            />
            <Group grow>
              <NumberInput label={t('timeline.minutes')} min={0} {...form.getInputProps('minutes')} />
              <Select
                label={t('timeline.outcome')}
                data={outcomes.options(form.values.outcome)}
                data-testid="call-outcome"
                clearable
                {...form.getInputProps('outcome')}
              />
            </Group>
          </>
        )}
        {kind === 'email' && <TextInput label={t('timeline.subject')} {...form.getInputProps('subject')} />}
        <Textarea
          label={t('timeline.body')}
          autosize
          minRows={3}
          data-autofocus
          data-testid="activity-body"
          {...form.getInputProps('body')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={log.isPending} data-testid="log-activity-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
