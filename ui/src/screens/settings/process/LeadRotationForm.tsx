import { Button, Group, MultiSelect, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/call';
import { useActiveUsers, useUserNames } from '../../../api/dictionaries';
import { useLeadRotation, useSaveLeadRotation } from '../../../api/regulations';
import type { LeadRotation } from '../../../api/types';
import { useFormErrors } from '../../../api/useFormErrors';
import { ConflictAlert } from '../../../components/ConflictAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { QueryError } from '../../../components/QueryError';
import { useAppInfoContext } from '../../../shell/currentUser';

interface Values {
  enabled: boolean;
  member_ids: string[];
  lead_limit: number | string;
}

/**
 * Rule 1's lead rotation: a new lead not contacted within the lead response minutes passes to
 * the next manager of this list, in its order, skipping the inactive and those holding the
 * limit of unprocessed leads; the head is told. The head and the admin change it.
 */
export function LeadRotationForm() {
  const rotation = useLeadRotation();
  if (rotation.isPending) return <ListSkeleton rows={3} />;
  if (rotation.isError) return <QueryError error={rotation.error} retry={() => void rotation.refetch()} />;
  return <RotationForm key={rotation.data.version} stored={rotation.data} reload={() => void rotation.refetch()} />;
}

function RotationForm({ stored, reload }: { stored: LeadRotation; reload: () => void }) {
  const { t } = useTranslation();
  const editable = useAppInfoContext()?.rights?.regulations ?? false;
  const save = useSaveLeadRotation();
  const users = useActiveUsers();
  const names = useUserNames();
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values>({
    initialValues: { enabled: stored.enabled, member_ids: stored.member_ids, lead_limit: stored.lead_limit },
  });
  const onError = useFormErrors(form);
  // Members who stopped being active managers stay listed (the rotation passes them over).
  const managers = (users.data ?? []).filter((u) => u.role === 'manager').map((u) => ({ value: u.id, label: u.name }));
  const kept = stored.member_ids
    .filter((id) => !managers.some((m) => m.value === id))
    .map((id) => ({ value: id, label: names.get(id) ?? id }));
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        version: stored.version,
        input: { enabled: v.enabled, member_ids: v.member_ids, lead_limit: v.lead_limit === '' ? 0 : Number(v.lead_limit) },
      },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('setup.saved') }),
        onError: (e) => (isApiError(e, 'conflict') ? setConflict(true) : onError(e)),
      },
    ),
  );
  return (
    <form onSubmit={submit} data-testid="lead-rotation-form">
      <Paper withBorder p="md" maw={720}>
        <Stack>
          <Title order={5}>{t('rotation.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('rotation.hint')}
          </Text>
          {conflict && (
            <ConflictAlert
              onReload={() => {
                setConflict(false);
                reload();
              }}
            />
          )}
          <Switch
            label={t('rotation.enabled')}
            disabled={!editable}
            data-testid="rotation-enabled"
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          <MultiSelect
            label={t('rotation.members')}
            description={t('rotation.membersHint')}
            data={[...managers, ...kept]}
            disabled={!editable}
            data-testid="rotation-members"
            {...form.getInputProps('member_ids')}
          />
          <NumberInput
            label={t('rotation.leadLimit')}
            description={t('rotation.leadLimitHint')}
            min={0}
            w={260}
            disabled={!editable}
            data-testid="rotation-limit"
            {...form.getInputProps('lead_limit')}
          />
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="rotation-save">
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </form>
  );
}
