import { Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useAddDealItem, useDealItems } from '../../api/deals';
import type { Deal } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { Money } from '../../components/Money';
import { lineTotal } from './lineTotal';

interface Values {
  name: string;
  quantity: number | string;
  unit_price: number | string;
  discount: number | string;
}

// The form takes the price in whole units and the discount in percent, as people think of them.
const ALIASES = { discount_bp: 'discount' };

export function DealItems({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const items = useDealItems(deal.id);
  const add = useAddDealItem();
  const form = useForm<Values>({ initialValues: { name: '', quantity: 1, unit_price: '', discount: '' } });
  const onError = useFormErrors(form, ALIASES);
  const submit = form.onSubmit((v) =>
    add.mutate(
      {
        deal_id: deal.id,
        product_id: null,
        name: v.name,
        quantity: Number(v.quantity),
        unit_price: v.unit_price === '' ? null : Math.round(Number(v.unit_price) * 100),
        currency: deal.currency,
        discount_bp: v.discount === '' ? null : Math.round(Number(v.discount) * 100),
      },
      { onSuccess: () => form.reset(), onError },
    ),
  );
  const rows = items.data ?? [];
  const total = rows.reduce((s, i) => s + lineTotal(i), 0);
  return (
    <Stack gap="xs" data-testid="deal-items">
      {items.isPending && <ListSkeleton rows={2} />}
      {items.isSuccess && rows.length === 0 && <EmptyState title={t('items.empty')} />}
      {rows.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('items.name')}</Table.Th>
              <Table.Th ta="right">{t('items.quantity')}</Table.Th>
              <Table.Th ta="right">{t('items.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('items.discount')}</Table.Th>
              <Table.Th ta="right">{t('items.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td ta="right">{i.quantity}</Table.Td>
                <Table.Td ta="right">
                  <Money minor={i.unit_price} currency={i.currency} />
                </Table.Td>
                <Table.Td ta="right">{i.discount_bp / 100} %</Table.Td>
                <Table.Td ta="right">
                  <Money minor={lineTotal(i)} currency={i.currency} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4}>{t('items.sum')}</Table.Th>
              <Table.Th ta="right" data-testid="items-total">
                <Money minor={total} currency={deal.currency} />
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
      <form onSubmit={submit}>
        <Group align="flex-end" gap="xs">
          <TextInput label={t('items.name')} style={{ flex: 2 }} {...form.getInputProps('name')} />
          <NumberInput label={t('items.quantity')} w={90} min={0} decimalScale={3} {...form.getInputProps('quantity')} />
          <NumberInput label={t('items.unitPrice')} w={130} min={0} decimalScale={2} {...form.getInputProps('unit_price')} />
          <NumberInput label={t('items.discount')} w={90} min={0} max={100} suffix=" %" {...form.getInputProps('discount')} />
          <Button type="submit" loading={add.isPending} data-testid="add-item-submit">
            {t('common.add')}
          </Button>
        </Group>
      </form>
      <Text size="xs" c="dimmed">
        {t('items.hint')}
      </Text>
    </Stack>
  );
}
