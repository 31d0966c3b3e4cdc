import { Button, Group, Modal, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useSaveDealItem } from '../../api/dealLines';
import type { DealItem, SavedItem } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';

interface Values {
  quantity: number | string;
  unit_price: number | string;
  discount: number | string;
}

const ALIASES = { discount_bp: 'discount' };

/** Changes a line's quantity, price and discount; its product stays. */
export function ItemDialog({ item, onClose, onSaved }: { item: DealItem; onClose: () => void; onSaved: (saved: SavedItem) => void }) {
  const { t } = useTranslation();
  const save = useSaveDealItem();
  const form = useForm<Values>({
    initialValues: { quantity: item.quantity, unit_price: item.unit_price / 100, discount: item.discount_bp / 100 },
  });
  const onError = useFormErrors(form, ALIASES);
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        item,
        input: {
          deal_id: item.deal_id,
          product_id: item.product_id,
          name: item.name,
          quantity: Number(v.quantity),
          unit_price: Math.round(Number(v.unit_price) * 100),
          currency: item.currency,
          discount_bp: v.discount === '' ? 0 : Math.round(Number(v.discount) * 100),
        },
      },
      {
        onSuccess: (saved) => {
          onSaved(saved);
          onClose();
        },
        onError,
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={item.name} data-testid="item-dialog">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group grow>
            <NumberInput label={t('items.quantity')} min={0} decimalScale={3} data-testid="item-quantity" {...form.getInputProps('quantity')} />
            <NumberInput label={t('items.unitPrice')} min={0} decimalScale={2} data-testid="item-price" {...form.getInputProps('unit_price')} />
            <NumberInput label={t('items.discount')} min={0} max={100} suffix=" %" data-testid="item-discount" {...form.getInputProps('discount')} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="item-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
