import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../api/call';
import { useCreateDeal, useUpdateDeal } from '../../api/deals';
import { applyFieldError, errorText, notifyError } from '../../api/errors';
import { useChoices, useDealTitlePreview, useProcessSettings } from '../../api/setup';
import type { Deal, Id } from '../../api/types';
import { useCurrentUser } from '../../shell/currentUser';
import { ConflictAlert } from '../../components/ConflictAlert';
import { CompanyPicker } from '../../components/pickers/CompanyPicker';
import { ContactsPicker } from '../../components/pickers/ContactsPicker';
import { UserSelect } from '../../components/pickers/UserSelect';
import { inputFromValues, valuesFromDeal, type DealFormValues } from './dealFormValues';
import { QualificationField } from './QualificationField';
import { DayInput } from '../../components/DayInput';

const PREVIEW_DEBOUNCE_MS = 300;

/**
 * Creates a deal or edits one at its version. A new deal left without a title gets one from the
 * department's title template, which the core fills; the form shows what it would be. A refusal the server pins on a field shows under
 * that field; `highlight` is such a refusal carried in from elsewhere (a refused stage move).
 */
export function DealForm({
  deal,
  pipelineId,
  stageId = null,
  highlight = null,
  onSaved,
  onReload,
}: {
  deal: Deal | null;
  pipelineId: Id;
  stageId?: Id | null;
  highlight?: ApiError | null;
  onSaved: (deal: Deal) => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateDeal();
  const update = useUpdateDeal();
  const [conflict, setConflict] = useState(false);
  const initial = valuesFromDeal(deal, pipelineId, me?.id ?? null);
  const initialField = highlight?.field ?? null;
  const form = useForm<DealFormValues>({
    initialValues: initial,
    initialErrors:
      highlight && initialField && initialField in initial ? { [initialField]: errorText(t, highlight) } : {},
  });
  // An error about something outside the form (the deal's items) can only be told above it.
  const [outside, setOutside] = useState<string | null>(
    highlight && !(initialField && initialField in initial) ? errorText(t, highlight) : null,
  );
  const salesChannels = useChoices('sales_channel');
  const communicationChannels = useChoices('communication_channel');
  const leadSources = useChoices('lead_source');
  const settings = useProcessSettings();
  // What the core would call the deal with no title of its own, asked as the form changes.
  const [asTyped] = useDebouncedValue(inputFromValues({ ...form.values, title: '' }), PREVIEW_DEBOUNCE_MS);
  const preview = useDealTitlePreview(deal ? null : asTyped);
  const previewTitle = preview.isSuccess ? preview.data : null;

  const fail = (e: unknown) => {
    if (isApiError(e, 'conflict')) return setConflict(true);
    if (applyFieldError(form, e, t)) return;
    if (e instanceof ApiError && e.field) return setOutside(errorText(t, e));
    notifyError(t, e);
  };

  // Awaited rather than per-call callbacks: saving refetches the deal, which may remount this
  // form, and TanStack Query drops per-call callbacks of an unmounted observer.
  const submit = form.onSubmit(async (v) => {
    setOutside(null);
    const input = inputFromValues(v);
    try {
      onSaved(deal ? await update.mutateAsync({ deal, input }) : await create.mutateAsync({ input, stageId }));
    } catch (e) {
      fail(e);
    }
  });

  const fillTitle = () => {
    if (previewTitle) form.setFieldValue('title', previewTitle);
  };

  return (
    <form onSubmit={submit} data-testid="deal-form">
      <Stack>
        {conflict && onReload && <ConflictAlert onReload={onReload} />}
        {outside && (
          <Alert color="orange" data-testid="deal-form-outside-error">
            {outside}
          </Alert>
        )}
        <TextInput
          label={t('deal.title')}
          placeholder={previewTitle ? t('setup.titlePreview', { title: previewTitle }) : undefined}
          data-testid="deal-title"
          {...form.getInputProps('title')}
        />
        <Group align="flex-end" gap="xs">
          <TextInput
            style={{ flex: 1 }}
            label={t('deal.product')}
            description={
              settings.data ? t('deal.templateHint', { template: settings.data.title_template }) : undefined
            }
            data-testid="deal-product"
            {...form.getInputProps('product')}
          />
          <Button variant="light" onClick={fillTitle} disabled={!previewTitle} data-testid="deal-title-from-template">
            {t('deal.fillTitle')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CompanyPicker
            label={t('deal.company')}
            data-testid="deal-company"
            value={form.values.company_id}
            onChange={(id) => form.setFieldValue('company_id', id)}
            error={form.errors.company_id}
          />
          <ContactsPicker
            label={t('deal.contacts')}
            companyId={form.values.company_id}
            value={form.values.contact_ids}
            onChange={(ids) => form.setFieldValue('contact_ids', ids)}
            error={form.errors.contact_ids}
          />
          <TextInput
            label={t('deal.amount')}
            // The store keeps an amount that follows the items: what is typed here would not count.
            disabled={deal?.amount_from_items === true}
            description={deal?.amount_from_items ? t('lines.amountFromItems') : undefined}
            data-testid="deal-amount"
            {...form.getInputProps('amount')}
          />
          <TextInput
            label={t('deal.currency')}
            maxLength={3}
            placeholder={settings.data?.default_currency}
            {...form.getInputProps('currency')}
          />
          <UserSelect label={t('deal.owner')} allowDeselect={false} {...form.getInputProps('owner_id')} />
          <NumberInput
            label={t('deal.winProbability')}
            min={0}
            max={100}
            suffix=" %"
            {...form.getInputProps('win_probability')}
          />
          <DayInput
            label={t('deal.plannedPaymentDate')}
           
            clearable
            {...form.getInputProps('planned_payment_date')}
          />
          <DayInput
            label={t('deal.expectedCloseDate')}
           
            clearable
            {...form.getInputProps('expected_close_date')}
          />
          <Select
            label={t('deal.salesChannel')}
            data={salesChannels.options(form.values.sales_channel)}
            clearable
            {...form.getInputProps('sales_channel')}
          />
          <Select
            label={t('deal.communicationChannel')}
            data={communicationChannels.options(form.values.communication_channel)}
            clearable
            {...form.getInputProps('communication_channel')}
          />
          <Select
            label={t('deal.leadSource')}
            data={leadSources.options(form.values.lead_source)}
            clearable
            {...form.getInputProps('lead_source')}
          />
        </SimpleGrid>
        <QualificationField form={form} />
        {deal && deal.status === 'lost' && (
          <Textarea label={t('deal.lossComment')} autosize {...form.getInputProps('loss_comment')} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="deal-form-submit">
            {deal ? t('common.save') : t('deal.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
