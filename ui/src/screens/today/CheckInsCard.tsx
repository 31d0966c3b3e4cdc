import { Badge, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../../api/errors';
import { useAnswerCheckIn, useCheckIns } from '../../api/regulations';
import type { CheckInStatus } from '../../api/types';
import { useAppInfoContext } from '../../shell/currentUser';

/**
 * The day's check-ins: a manager answers the latest one ("report your results": calls,
 * meetings, payments expected today); the head sees, per check-in, who answered and who did not.
 */
export function CheckInsCard() {
  const { t } = useTranslation();
  const day = dayjs().format('YYYY-MM-DD');
  const checkIns = useCheckIns(day);
  const me = useAppInfoContext()?.user?.id;
  const team = useAppInfoContext()?.rights?.team_reports ?? false;
  const [answering, setAnswering] = useState<CheckInStatus | null>(null);
  const rows = checkIns.data ?? [];
  if (rows.length === 0) return null;
  const mine = rows.filter((r) => r.user_id === me);
  const latest = mine[mine.length - 1];
  return (
    <Paper withBorder p="md" data-testid="check-ins-card">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('checkIn.title')}</Title>
          {latest && (
            <Button size="xs" variant={latest.answer ? 'light' : 'filled'} onClick={() => setAnswering(latest)} data-testid="check-in-answer">
              {latest.answer ? t('checkIn.change') : t('checkIn.answer')}
            </Button>
          )}
        </Group>
        {team && (
          <Table data-testid="check-ins-board">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('checkIn.time')}</Table.Th>
                <Table.Th>{t('reports.columns.manager')}</Table.Th>
                <Table.Th>{t('checkIn.calls')}</Table.Th>
                <Table.Th>{t('checkIn.meetings')}</Table.Th>
                <Table.Th>{t('checkIn.payments')}</Table.Th>
                <Table.Th>{t('checkIn.comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.user_id}-${r.slot}`}>
                  <Table.Td>{r.slot.slice(11)}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  {r.answer ? (
                    <>
                      <Table.Td>{r.answer.calls}</Table.Td>
                      <Table.Td>{r.answer.meetings}</Table.Td>
                      <Table.Td>{`${(r.answer.payments_expected / 100).toLocaleString()} ${r.answer.currency}`}</Table.Td>
                      <Table.Td>{r.answer.comment}</Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={4}>
                      <Badge color="red" variant="light">
                        {t('checkIn.noAnswer')}
                      </Badge>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!team && latest && (
          <Text size="sm" c="dimmed">
            {latest.answer ? t('checkIn.answered', { time: latest.slot.slice(11) }) : t('checkIn.due', { time: latest.slot.slice(11) })}
          </Text>
        )}
      </Stack>
      <Modal opened={!!answering} onClose={() => setAnswering(null)} title={t('checkIn.title')} data-testid="check-in-dialog">
        {answering && <CheckInForm key={answering.slot} status={answering} onDone={() => setAnswering(null)} />}
      </Modal>
    </Paper>
  );
}

interface Values {
  calls: number | string;
  meetings: number | string;
  payments_expected: string;
  comment: string;
}

function CheckInForm({ status, onDone }: { status: CheckInStatus; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useAnswerCheckIn();
  const a = status.answer;
  const form = useForm<Values>({
    initialValues: {
      calls: a?.calls ?? 0,
      meetings: a?.meetings ?? 0,
      payments_expected: a ? String(a.payments_expected / 100) : '',
      comment: a?.comment ?? '',
    },
  });
  const n = (x: number | string) => (x === '' ? 0 : Number(x));
  const submit = form.onSubmit(async (v) => {
    try {
      await save.mutateAsync({
        slot: status.slot,
        calls: n(v.calls),
        meetings: n(v.meetings),
        payments_expected: v.payments_expected,
        comment: v.comment,
      });
      onDone();
    } catch (e) {
      reportError(form, e, t);
    }
  });
  return (
    <form onSubmit={submit} data-testid="check-in-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('checkIn.hint', { time: status.slot.slice(11) })}
        </Text>
        <SimpleGrid cols={2}>
          <NumberInput label={t('checkIn.calls')} min={0} data-testid="check-in-calls" {...form.getInputProps('calls')} />
          <NumberInput label={t('checkIn.meetings')} min={0} data-testid="check-in-meetings" {...form.getInputProps('meetings')} />
        </SimpleGrid>
        <TextInput label={t('checkIn.payments')} data-testid="check-in-payments" {...form.getInputProps('payments_expected')} />
        <Textarea label={t('checkIn.comment')} autosize minRows={2} {...form.getInputProps('comment')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="check-in-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
