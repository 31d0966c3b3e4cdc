import { Button, Checkbox, Group, Image, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/call';
import { notifyError } from '../../api/errors';
import { useChooseLogo, useProposalTemplate, useSaveProposalTemplate } from '../../api/proposals';
import type { ProposalTemplate } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ListSkeleton } from '../../components/ListSkeleton';

interface Values {
  company_name: string;
  requisites: string;
  logo: string | null;
  terms: string;
  validity_days: number | string;
  /** The VAT rate in percent; empty for no VAT. */
  vat: number | string;
  prices_include_vat: boolean;
}

const values = (t: ProposalTemplate | null): Values => ({
  company_name: t?.company_name ?? '',
  requisites: t?.requisites ?? '',
  logo: t?.logo ?? null,
  terms: t?.terms ?? '',
  validity_days: t?.validity_days ?? 14,
  vat: t?.vat_rate_bp == null ? '' : t.vat_rate_bp / 100,
  prices_include_vat: t?.prices_include_vat ?? true,
});

const ALIASES = { vat_rate_bp: 'vat' };

/** The department's proposal template: set once by the admin, read by every proposal. */
export function ProposalTemplateForm() {
  const template = useProposalTemplate();
  if (template.isPending) return <ListSkeleton rows={3} />;
  return <TemplateForm key={template.data?.version ?? 0} template={template.data ?? null} reload={() => void template.refetch()} />;
}

function TemplateForm({ template, reload }: { template: ProposalTemplate | null; reload: () => void }) {
  const { t } = useTranslation();
  const save = useSaveProposalTemplate();
  const choose = useChooseLogo();
  const form = useForm<Values>({ initialValues: values(template) });
  const onError = useFormErrors(form, ALIASES);
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        version: template?.version ?? null,
        input: {
          company_name: v.company_name,
          requisites: v.requisites,
          logo: v.logo,
          terms: v.terms,
          validity_days: v.validity_days === '' ? null : Number(v.validity_days),
          vat_rate_bp: v.vat === '' ? null : Math.round(Number(v.vat) * 100),
          prices_include_vat: v.prices_include_vat,
        },
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('proposalTemplate.saved') }), onError },
    ),
  );
  const pickLogo = () =>
    choose.mutate(
      { title: t('proposalTemplate.logo'), filterName: t('proposalTemplate.images') },
      {
        onSuccess: (url) => url && form.setFieldValue('logo', url),
        onError: (e) => (isApiError(e) && e.field === 'logo' ? form.setFieldError('logo', e.message) : notifyError(t, e)),
      },
    );
  return (
    <Paper withBorder p="md" data-testid="proposal-template">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>{t('proposalTemplate.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('proposalTemplate.hint')}
          </Text>
          {save.error && isApiError(save.error, 'conflict') && <ConflictAlert onReload={reload} />}
          <TextInput label={t('proposalTemplate.companyName')} data-testid="template-company" {...form.getInputProps('company_name')} />
          <Textarea label={t('proposalTemplate.requisites')} autosize minRows={2} data-testid="template-requisites" {...form.getInputProps('requisites')} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('proposalTemplate.logo')}
            </Text>
            <Group>
              {form.values.logo && <Image src={form.values.logo} h={48} w="auto" fit="contain" alt="" />}
              <Button variant="default" size="xs" loading={choose.isPending} onClick={pickLogo} data-testid="template-logo">
                {t('proposalTemplate.chooseLogo')}
              </Button>
              {form.values.logo && (
                <Button variant="subtle" size="xs" color="red" onClick={() => form.setFieldValue('logo', null)}>
                  {t('proposalTemplate.removeLogo')}
                </Button>
              )}
            </Group>
            {form.errors.logo && (
              <Text size="xs" c="red">
                {form.errors.logo}
              </Text>
            )}
          </Stack>
          <Textarea label={t('proposalTemplate.terms')} autosize minRows={2} data-testid="template-terms" {...form.getInputProps('terms')} />
          <Group grow align="flex-end">
            <NumberInput label={t('proposalTemplate.validityDays')} min={1} max={365} data-testid="template-validity" {...form.getInputProps('validity_days')} />
            <NumberInput label={t('proposalTemplate.vat')} min={0} max={100} suffix=" %" data-testid="template-vat" {...form.getInputProps('vat')} />
          </Group>
          <Checkbox
            label={t('proposalTemplate.pricesIncludeVat')}
            disabled={form.values.vat === ''}
            data-testid="template-vat-included"
            {...form.getInputProps('prices_include_vat', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="template-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
