import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useArchiveProduct, useSaveProduct } from '../../api/catalog';
import { notifyError } from '../../api/errors';
import type { Product } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';

interface Values {
  name: string;
  sku: string;
  unit: string;
  price: number | string;
  stock: number | string;
  lead_time_days: number | string;
}

const values = (p: Product | null): Values => ({
  name: p?.name ?? '',
  sku: p?.sku ?? '',
  unit: p?.unit ?? '',
  price: p ? p.price / 100 : '',
  stock: p?.stock ?? '',
  lead_time_days: p?.lead_time_days ?? '',
});

const number = (v: number | string): number | null => (v === '' ? null : Number(v));

/** A product of the catalog, new or to change; the admin's, who may also archive or restore it. */
export function ProductDialog({ product, opened, onClose }: { product: Product | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveProduct();
  const archive = useArchiveProduct();
  const form = useForm<Values>({ initialValues: values(product) });
  const onError = useFormErrors(form);
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        product,
        input: {
          name: v.name,
          sku: v.sku.trim() || null,
          unit: v.unit.trim() || null,
          price: Math.round((number(v.price) ?? 0) * 100),
          currency: product?.currency ?? null,
          stock: number(v.stock),
          lead_time_days: number(v.lead_time_days),
        },
      },
      { onSuccess: onClose, onError },
    ),
  );
  const archived = product?.deleted_at != null;
  return (
    <Modal opened={opened} onClose={onClose} title={product ? product.name : t('catalog.new')} data-testid="product-dialog">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('catalog.name')} data-autofocus data-testid="product-name" {...form.getInputProps('name')} />
          <Group grow>
            <TextInput label={t('catalog.sku')} data-testid="product-sku" {...form.getInputProps('sku')} />
            <TextInput label={t('catalog.unit')} placeholder={t('catalog.unitDefault')} data-testid="product-unit" {...form.getInputProps('unit')} />
          </Group>
          <Group grow>
            <NumberInput label={t('catalog.price')} min={0} decimalScale={2} data-testid="product-price" {...form.getInputProps('price')} />
            <NumberInput label={t('catalog.stock')} min={0} decimalScale={3} data-testid="product-stock" {...form.getInputProps('stock')} />
            <NumberInput label={t('catalog.leadTime')} min={0} data-testid="product-lead-time" {...form.getInputProps('lead_time_days')} />
          </Group>
          <Group justify="space-between">
            {product ? (
              <Button
                variant="subtle"
                color={archived ? 'teal' : 'red'}
                loading={archive.isPending}
                onClick={() => archive.mutate(product, { onSuccess: onClose, onError: (e) => notifyError(t, e) })}
                data-testid="product-archive"
              >
                {archived ? t('catalog.restore') : t('catalog.archive')}
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" loading={save.isPending} data-testid="product-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
