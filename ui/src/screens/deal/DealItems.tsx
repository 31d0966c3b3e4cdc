import { ActionIcon, Alert, Button, Group, NumberInput, Stack, Switch, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAmountFromItems, useDealLines, useRemoveDealItem, useSaveDealItem } from '../../api/dealLines';
import { notifyError } from '../../api/errors';
import type { Deal, DealItem, Id, SavedItem, StockShort } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { Price } from '../catalog/Price';
import { ItemDialog } from './ItemDialog';
import { ProductPicker } from './ProductPicker';

interface Values {
  name: string;
  product_id: Id | null;
  quantity: number | string;
  unit_price: number | string;
  discount: number | string;
}

// The form takes the price in whole units and the discount in percent, as people think of them.
const ALIASES = { discount_bp: 'discount', product_id: 'name' };
const EMPTY: Values = { name: '', product_id: null, quantity: 1, unit_price: '', discount: '' };

/** A quantity the stock does not cover: said, not refused, with when the rest comes. */
export function StockWarning({ short, onClose }: { short: StockShort; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" withCloseButton onClose={onClose} data-testid="stock-warning">
      {t('lines.stockShort', {
        product: short.product,
        quantity: short.quantity,
        stock: short.stock,
        unit: short.unit,
        count: short.lead_time_days,
      })}
    </Alert>
  );
}

export function DealItems({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const lines = useDealLines(deal.id);
  const save = useSaveDealItem();
  const remove = useRemoveDealItem();
  const follow = useAmountFromItems();
  const [editing, setEditing] = useState<DealItem | null>(null);
  const [short, setShort] = useState<StockShort | null>(null);
  const form = useForm<Values>({ initialValues: EMPTY });
  const onError = useFormErrors(form, ALIASES);
  const saved = (s: SavedItem) => setShort(s.stock);
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        item: null,
        input: {
          deal_id: deal.id,
          product_id: v.product_id,
          name: v.name,
          quantity: Number(v.quantity),
          unit_price: v.unit_price === '' ? null : Math.round(Number(v.unit_price) * 100),
          currency: deal.currency,
          discount_bp: v.discount === '' ? null : Math.round(Number(v.discount) * 100),
        },
      },
      {
        onSuccess: (s) => {
          saved(s);
          form.setValues(EMPTY);
        },
        onError,
      },
    ),
  );
  const rows = lines.data?.lines ?? [];
  const editable = deal.deleted_at == null;
  return (
    <Stack gap="xs" data-testid="deal-items">
      <Switch
        label={t('lines.amountFromItems')}
        checked={deal.amount_from_items}
        disabled={!editable || follow.isPending}
        onChange={(e) =>
          follow.mutate({ deal, on: e.currentTarget.checked }, { onError: (err) => notifyError(t, err) })
        }
        data-testid="amount-from-items"
      />
      {short && <StockWarning short={short} onClose={() => setShort(null)} />}
      {lines.isPending && <ListSkeleton rows={2} />}
      {lines.isSuccess && rows.length === 0 && <EmptyState title={t('items.empty')} />}
      {rows.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('items.name')}</Table.Th>
              <Table.Th ta="right">{t('items.quantity')}</Table.Th>
              <Table.Th ta="right">{t('items.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('items.discount')}</Table.Th>
              <Table.Th ta="right">{t('items.total')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ item, total }) => (
              <Table.Tr key={item.id} data-testid="item-row">
                <Table.Td>{item.name}</Table.Td>
                <Table.Td ta="right">{item.quantity}</Table.Td>
                <Table.Td ta="right">
                  <Price minor={item.unit_price} currency={item.currency} />
                </Table.Td>
                <Table.Td ta="right">{item.discount_bp / 100} %</Table.Td>
                <Table.Td ta="right" data-testid="item-total">
                  <Price minor={total} currency={item.currency} />
                </Table.Td>
                <Table.Td>
                  {editable && (
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <ActionIcon variant="subtle" aria-label={t('lines.edit')} onClick={() => setEditing(item)} data-testid="item-edit">
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('lines.remove')}
                        loading={remove.isPending && remove.variables?.id === item.id}
                        onClick={() => remove.mutate(item, { onError: (e) => notifyError(t, e) })}
                        data-testid="item-remove"
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4}>{t('items.sum')}</Table.Th>
              <Table.Th ta="right" data-testid="items-total">
                <Price minor={lines.data?.totals.net ?? 0} currency={deal.currency} />
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
      {editable && (
        <form onSubmit={submit}>
          <Group align="flex-end" gap="xs">
            <ProductPicker
              value={form.values.name}
              error={form.errors.name}
              onChange={(text) => {
                // Typing after a pick makes the line free text again.
                form.setFieldValue('name', text);
                form.setFieldValue('product_id', null);
              }}
              onPick={(p) => form.setValues({ name: p.name, product_id: p.id, unit_price: p.price / 100 })}
            />
            <NumberInput label={t('items.quantity')} w={90} min={0} decimalScale={3} {...form.getInputProps('quantity')} />
            <NumberInput
              label={t('items.unitPrice')}
              w={130}
              min={0}
              decimalScale={2}
              data-testid="item-new-price"
              {...form.getInputProps('unit_price')}
            />
            <NumberInput label={t('items.discount')} w={90} min={0} max={100} suffix=" %" {...form.getInputProps('discount')} />
            <Button type="submit" loading={save.isPending} data-testid="add-item-submit">
              {t('common.add')}
            </Button>
          </Group>
        </form>
      )}
      <Text size="xs" c="dimmed">
        {t('items.hint')}
      </Text>
      {editing && <ItemDialog item={editing} onClose={() => setEditing(null)} onSaved={saved} />}
    </Stack>
  );
}
