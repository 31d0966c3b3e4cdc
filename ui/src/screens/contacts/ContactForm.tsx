import { Button, Group, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/call';
import { useCreateContact, useUpdateContact } from '../../api/contacts';
import { reportError } from '../../api/errors';
import type { Contact, Id } from '../../api/types';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ImportantDatesField } from '../../components/ImportantDatesField';
import { CompanyPicker } from '../../components/pickers/CompanyPicker';
import { UserSelect } from '../../components/pickers/UserSelect';
import { useCurrentUser } from '../../shell/currentUser';
import { ContactDuplicateWarning } from './ContactDuplicateWarning';
import { inputFromValues, valuesFromContact, type ContactFormValues } from './contactFormValues';
import { DayInput } from '../../components/DayInput';

export function ContactForm({ contact, companyId = null, onSaved, onReload }: {
  contact: Contact | null;
  companyId?: Id | null;
  onSaved: (contact: Contact) => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateContact();
  const update = useUpdateContact();
  const [conflict, setConflict] = useState(false);
  const form = useForm<ContactFormValues>({ initialValues: valuesFromContact(contact, me?.id ?? null, companyId) });
  const fail = (e: unknown) => (isApiError(e, 'conflict') ? setConflict(true) : reportError(form, e, t));
  const submit = form.onSubmit((v) => {
    const input = inputFromValues(v);
    if (contact) update.mutate({ contact, input }, { onSuccess: onSaved, onError: fail });
    else create.mutate(input, { onSuccess: onSaved, onError: fail });
  });
  const field = (name: keyof ContactFormValues) => ({ label: t(`contact.${name}`), ...form.getInputProps(name) });

  return (
    <form onSubmit={submit} data-testid="contact-form">
      <Stack>
        {conflict && onReload && <ConflictAlert onReload={onReload} />}
        <TextInput data-autofocus data-testid="contact-name" {...field('full_name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field('position')} />
          <CompanyPicker
            label={t('contact.company_id')}
            value={form.values.company_id}
            onChange={(id) => form.setFieldValue('company_id', id)}
            error={form.errors.company_id}
          />
          <TagsInput {...field('phones')} data-testid="contact-phones" />
          <TagsInput {...field('emails')} />
          <TextInput {...field('address')} />
          <DayInput {...field('birthday')} clearable />
          <UserSelect {...field('owner_id')} allowDeselect={false} />
        </SimpleGrid>
        <ContactDuplicateWarning input={inputFromValues(form.values)} except={contact?.id ?? null} />
        <ImportantDatesField form={form} />
        <Textarea {...field('notes')} autosize minRows={2} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="contact-form-submit">
            {contact ? t('common.save') : t('contacts.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
