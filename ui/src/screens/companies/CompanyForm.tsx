import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/call';
import { useCreateCompany, useUpdateCompany } from '../../api/companies';
import { useChoices } from '../../api/setup';
import { reportError } from '../../api/errors';
import type { Company } from '../../api/types';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ImportantDatesField } from '../../components/ImportantDatesField';
import { UserSelect } from '../../components/pickers/UserSelect';
import { useCurrentUser } from '../../shell/currentUser';
import { inputFromValues, valuesFromCompany, type CompanyFormValues } from './companyFormValues';
import { DuplicateWarning } from './DuplicateWarning';

export function CompanyForm({ company, onSaved, onReload }: {
  company: Company | null;
  onSaved: (company: Company) => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateCompany();
  const update = useUpdateCompany();
  const [conflict, setConflict] = useState(false);
  const industries = useChoices('industry');
  const sources = useChoices('lead_source');
  const form = useForm<CompanyFormValues>({ initialValues: valuesFromCompany(company, me?.id ?? null) });

  const fail = (e: unknown) => (isApiError(e, 'conflict') ? setConflict(true) : reportError(form, e, t));
  const submit = form.onSubmit((v) => {
    const input = inputFromValues(v);
    if (company) update.mutate({ company, input }, { onSuccess: onSaved, onError: fail });
    else create.mutate(input, { onSuccess: onSaved, onError: fail });
  });
  const field = (name: keyof CompanyFormValues) => ({
    label: t(`company.${name}`),
    ...form.getInputProps(name),
  });

  return (
    <form onSubmit={submit} data-testid="company-form">
      <Stack>
        {conflict && onReload && <ConflictAlert onReload={onReload} />}
        <DuplicateWarning input={inputFromValues(form.values)} except={company?.id ?? null} />
        <TextInput data-autofocus data-testid="company-name" {...field('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field('city')} data-testid="company-city" />
          <Select
            {...field('industry')}
            data={industries.options(form.values.industry)}
            searchable
            clearable
            data-testid="company-industry"
          />
          <TextInput {...field('work_phone')} data-testid="company-work-phone" />
          <TextInput {...field('mobile_phone')} />
          <TextInput {...field('email')} data-testid="company-email" />
          <TextInput {...field('website')} />
          <TextInput {...field('legal_id')} />
          <TextInput {...field('address')} />
          <NumberInput {...field('monthly_turnover')} min={0} thousandSeparator=" " />
          <NumberInput {...field('net_profit')} thousandSeparator=" " />
          <NumberInput {...field('employee_count')} min={0} />
          <TextInput {...field('currency')} maxLength={3} />
          <Select
            {...field('lead_source')}
            data={sources.options(form.values.lead_source)}
            clearable
            data-testid="company-lead-source"
          />
          <UserSelect {...field('owner_id')} allowDeselect={false} />
        </SimpleGrid>
        <TagsInput {...field('tags')} />
        <ImportantDatesField form={form} />
        <Textarea {...field('notes')} autosize minRows={2} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="company-form-submit">
            {company ? t('common.save') : t('companies.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
