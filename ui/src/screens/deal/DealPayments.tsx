import { Badge, Button, Group, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCancelPayment } from '../../api/dealLines';
import { useCreatePayment, useDealPayments } from '../../api/deals';
import { notifyError } from '../../api/errors';
import type { Deal, Payment } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { Money } from '../../components/Money';
import { DateText, When } from '../../components/When';
import { PaidOnDialog, PaymentDialog } from './PaymentDialogs';
import { DayInput } from '../../components/DayInput';

const STATUS_COLOR = { planned: 'blue', paid: 'teal', cancelled: 'gray' } as const;

export function DealPayments({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const payments = useDealPayments(deal.id);
  const create = useCreatePayment();
  const cancel = useCancelPayment();
  const [editing, setEditing] = useState<Payment | null>(null);
  const [paying, setPaying] = useState<Payment | null>(null);
  const form = useForm<{ amount: string; planned_date: string | null; invoice_number: string }>({
    initialValues: { amount: '', planned_date: deal.planned_payment_date, invoice_number: '' },
  });
  const onError = useFormErrors(form);
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        deal_id: deal.id,
        amount: v.amount,
        currency: deal.currency,
        planned_date: v.planned_date ?? '',
        invoice_number: v.invoice_number.trim() || null,
      },
      { onSuccess: () => form.reset(), onError },
    ),
  );
  const rows = payments.data ?? [];
  return (
    <Stack gap="xs" data-testid="deal-payments">
      {payments.isPending && <ListSkeleton rows={2} />}
      {payments.isSuccess && rows.length === 0 && <EmptyState title={t('payments.empty')} />}
      {rows.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments.plannedDate')}</Table.Th>
              <Table.Th ta="right">{t('payments.amount')}</Table.Th>
              <Table.Th>{t('payments.invoice')}</Table.Th>
              <Table.Th>{t('payments.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id} data-testid="payment-row">
                <Table.Td>
                  <DateText date={p.planned_date} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money minor={p.amount} currency={p.currency} />
                </Table.Td>
                <Table.Td>{p.invoice_number}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLOR[p.status]}>
                    {t(`paymentStatus.${p.status}`)}
                  </Badge>{' '}
                  {p.paid_at && <When ms={p.paid_at} />}
                </Table.Td>
                <Table.Td>
                  {p.status === 'planned' && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" color="teal" onClick={() => setPaying(p)} data-testid="mark-paid">
                        {t('payments.markPaid')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)} data-testid="payment-edit">
                        {t('lines.edit')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        loading={cancel.isPending && cancel.variables?.id === p.id}
                        onClick={() => cancel.mutate(p, { onError: (e) => notifyError(t, e) })}
                        data-testid="payment-cancel"
                      >
                        {t('lines.cancelPayment')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={submit}>
        <Group align="flex-end" gap="xs">
          <TextInput label={t('payments.amount')} w={140} {...form.getInputProps('amount')} />
          <DayInput label={t('payments.plannedDate')} w={150} {...form.getInputProps('planned_date')} />
          <TextInput label={t('payments.invoice')} w={140} {...form.getInputProps('invoice_number')} />
          <Button type="submit" loading={create.isPending} data-testid="plan-payment-submit">
            {t('payments.plan')}
          </Button>
        </Group>
      </form>
      {editing && <PaymentDialog payment={editing} onClose={() => setEditing(null)} />}
      {paying && <PaidOnDialog payment={paying} onClose={() => setPaying(null)} />}
    </Stack>
  );
}
