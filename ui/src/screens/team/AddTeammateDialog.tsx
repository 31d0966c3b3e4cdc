import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useTimeZones } from '../../api/dictionaries';
import { useAddTeammate } from '../../api/team';
import type { Language, NewTeammate, Role } from '../../api/types';
import { useFormErrors } from '../../api/useFormErrors';
import { LANGUAGES } from '../../i18n';

interface Values {
  name: string;
  email: string;
  phone: string;
  role: Role;
  time_zone: string;
  language: Language;
}

/** A new teammate with the roles the signed-in user may give; the answer may carry their card. */
export function AddTeammateDialog({
  opened,
  onClose,
  roles,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  roles: Role[];
  onAdded: (added: NewTeammate) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('team.add')} size="lg">
      {opened && <AddTeammateForm roles={roles} onAdded={onAdded} />}
    </Modal>
  );
}

function AddTeammateForm({ roles, onAdded }: { roles: Role[]; onAdded: (added: NewTeammate) => void }) {
  const { t, i18n } = useTranslation();
  const zones = useTimeZones();
  const add = useAddTeammate();
  const form = useForm<Values>({
    initialValues: {
      name: '',
      email: '',
      phone: '',
      role: roles.includes('manager') ? 'manager' : (roles[0] ?? 'manager'),
      time_zone: 'Europe/Kyiv',
      language: (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'uk',
    },
  });
  const onError = useFormErrors(form);
  const submit = form.onSubmit((v) =>
    add.mutate(
      {
        name: v.name,
        email: v.email.trim() || null,
        phone: v.phone.trim() || null,
        role: v.role,
        active: true,
        time_zone: v.time_zone,
        language: v.language,
      },
      { onSuccess: onAdded, onError },
    ),
  );
  return (
    <form onSubmit={submit} data-testid="add-teammate-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('team.name')} data-autofocus data-testid="teammate-name" {...form.getInputProps('name')} />
          <TextInput label={t('team.email')} data-testid="teammate-email" {...form.getInputProps('email')} />
          <TextInput label={t('team.phone')} data-testid="teammate-phone" {...form.getInputProps('phone')} />
          <Select
            label={t('team.role')}
            data={roles.map((r) => ({ value: r, label: t(`team.roles.${r}`) }))}
            allowDeselect={false}
            data-testid="teammate-role"
            {...form.getInputProps('role')}
          />
          <Select
            label={t('settings.timeZone')}
            data={zones.data ?? [form.values.time_zone]}
            searchable
            allowDeselect={false}
            limit={50}
            {...form.getInputProps('time_zone')}
          />
          <Select
            label={t('settings.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            allowDeselect={false}
            data-testid="teammate-language"
            {...form.getInputProps('language')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} data-testid="add-teammate-submit">
            {t('team.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
