import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMarkPaidOn, useUpdatePayment } from '../../api/dealLines';
import type { Payment } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';
import { DayInput } from '../../components/DayInput';

/** A planned payment's amount, planned date and invoice number, changed at the version read. */
export function PaymentDialog({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePayment();
  const form = useForm<{ amount: string; planned_date: string | null; invoice_number: string }>({
    initialValues: {
      amount: String(payment.amount / 100),
      planned_date: payment.planned_date,
      invoice_number: payment.invoice_number ?? '',
    },
  });
  const onError = useFormErrors(form);
  const submit = form.onSubmit((v) =>
    update.mutate(
      {
        payment,
        input: {
          deal_id: payment.deal_id,
          amount: v.amount,
          currency: payment.currency,
          planned_date: v.planned_date ?? '',
          invoice_number: v.invoice_number.trim() || null,
        },
      },
      { onSuccess: onClose, onError },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t('lines.editPayment')} data-testid="payment-dialog">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('payments.amount')} data-testid="payment-amount" {...form.getInputProps('amount')} />
          <DayInput label={t('payments.plannedDate')} data-testid="payment-planned-date" {...form.getInputProps('planned_date')} />
          <TextInput label={t('payments.invoice')} data-testid="payment-invoice" {...form.getInputProps('invoice_number')} />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} data-testid="payment-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Marks a payment paid on the day the money came: today unless another day is chosen. */
export function PaidOnDialog({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const { t } = useTranslation();
  const mark = useMarkPaidOn();
  const form = useForm<{ paid_on: string | null }>({ initialValues: { paid_on: dayjs().format('YYYY-MM-DD') } });
  const onError = useFormErrors(form);
  const submit = form.onSubmit((v) => mark.mutate({ payment, day: v.paid_on }, { onSuccess: onClose, onError }));
  return (
    <Modal opened onClose={onClose} title={t('payments.markPaid')} data-testid="paid-on-dialog">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <DayInput
            label={t('lines.paidOn')}
           
           
            maxDate={dayjs().add(1, 'day').format('YYYY-MM-DD')}
            data-testid="paid-on-date"
            {...form.getInputProps('paid_on')}
          />
          <Group justify="flex-end">
            <Button type="submit" color="teal" loading={mark.isPending} data-testid="paid-on-submit">
              {t('payments.markPaid')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
