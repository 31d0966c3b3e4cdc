import { Button, Chip, Group, Input, NumberInput, Paper, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../../api/call';
import { errorText } from '../../../api/errors';
import { TITLE_PLACEHOLDERS } from '../../../api/choices';
import { useProcessSettings, useSaveProcessSettings } from '../../../api/setup';
import type { ProcessSettings, ProcessSettingsInput } from '../../../api/types';
import { useFormErrors } from '../../../api/useFormErrors';
import { ConflictAlert } from '../../../components/ConflictAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { QueryError } from '../../../components/QueryError';
import { useAppInfoContext } from '../../../shell/currentUser';

interface Values {
  title_template: string;
  lead_response_minutes: number | string;
  stuck_days: number | string;
  idle_days: number | string;
  task_horizon_days: number | string;
  working_days: string[];
  holidays: string[];
  default_currency: string;
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];

function valuesOf(s: ProcessSettings): Values {
  return {
    title_template: s.title_template,
    lead_response_minutes: s.lead_response_minutes,
    stuck_days: s.stuck_days,
    idle_days: s.idle_days,
    task_horizon_days: s.task_horizon_days ?? '',
    working_days: s.working_days.map(String),
    holidays: s.holidays,
    default_currency: s.default_currency,
  };
}

function inputOf(v: Values): ProcessSettingsInput {
  const n = (x: number | string) => (x === '' ? 0 : Number(x));
  return {
    title_template: v.title_template,
    lead_response_minutes: n(v.lead_response_minutes),
    stuck_days: n(v.stuck_days),
    idle_days: n(v.idle_days),
    task_horizon_days: n(v.task_horizon_days),
    working_days: v.working_days.map(Number).sort((a, b) => a - b),
    holidays: v.holidays,
    default_currency: v.default_currency,
  };
}

/**
 * Settings → Process: how the department works — the deal title template, the lead response
 * time, when a deal is stuck and a client idle, the working days and public holidays the
 * dashboard and the gong count, the default currency. Everyone reads them; the admin saves.
 */
export function ProcessSettingsForm() {
  const settings = useProcessSettings();
  if (settings.isPending) return <ListSkeleton rows={6} />;
  if (settings.isError) return <QueryError error={settings.error} retry={() => void settings.refetch()} />;
  return <SettingsForm key={settings.data.version} stored={settings.data} reload={() => void settings.refetch()} />;
}

function SettingsForm({ stored, reload }: { stored: ProcessSettings; reload: () => void }) {
  const { t } = useTranslation();
  const editable = useAppInfoContext()?.rights?.setup ?? false;
  const save = useSaveProcessSettings();
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values>({ initialValues: valuesOf(stored) });
  const onError = useFormErrors(form);
  const fail = (e: unknown) => {
    if (isApiError(e, 'conflict')) return setConflict(true);
    // A bad holiday or weekday is named by its place in the list; each list is one field.
    if (e instanceof ApiError && e.field?.match(/^(holidays|working_days)\[/)) {
      return form.setFieldError(e.field.split('[')[0] as string, `${errorText(t, e)}: ${e.message}`);
    }
    onError(e);
  };
  const submit = form.onSubmit((v) =>
    save.mutate(
      { version: stored.version, input: inputOf(v) },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('setup.saved') }), onError: fail },
    ),
  );
  return (
    <form onSubmit={submit} data-testid="process-settings-form">
      <Stack gap="md" maw={720}>
        {!editable && (
          <Text size="sm" c="dimmed">
            {t('setup.readOnly')}
          </Text>
        )}
        {conflict && (
          <ConflictAlert
            onReload={() => {
              setConflict(false);
              reload();
            }}
          />
        )}
        <Paper withBorder p="md">
          <Stack>
            <TextInput
              label={t('setup.titleTemplate')}
              description={t('setup.titleTemplateHint', { placeholders: TITLE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}
              disabled={!editable}
              data-testid="process-title-template"
              {...form.getInputProps('title_template')}
            />
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <NumberInput
                label={t('setup.leadResponseMinutes')}
                min={1}
                max={1440}
                disabled={!editable}
                data-testid="process-lead-minutes"
                {...form.getInputProps('lead_response_minutes')}
              />
              <NumberInput label={t('setup.stuckDays')} min={1} disabled={!editable} {...form.getInputProps('stuck_days')} />
              <NumberInput label={t('setup.idleDays')} min={1} disabled={!editable} {...form.getInputProps('idle_days')} />
              <NumberInput
                label={t('setup.taskHorizonDays')}
                min={1}
                disabled={!editable}
                data-testid="process-task-horizon"
                {...form.getInputProps('task_horizon_days')}
              />
            </SimpleGrid>
            <TextInput
              label={t('setup.defaultCurrency')}
              maxLength={3}
              w={160}
              disabled={!editable}
              {...form.getInputProps('default_currency')}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Input.Wrapper label={t('setup.workingDays')} error={form.errors.working_days}>
              <Chip.Group multiple {...form.getInputProps('working_days')}>
                <Group gap={6} mt={4} data-testid="process-working-days">
                  {WEEKDAYS.map((d) => (
                    <Chip key={d} value={d} size="sm" disabled={!editable}>
                      {t(`settings.notifications.days.${d}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Input.Wrapper>
            <TagsInput
              label={t('setup.holidays')}
              description={t('setup.holidaysHint')}
              disabled={!editable}
              clearable
              data-testid="process-holidays"
              {...form.getInputProps('holidays')}
            />
          </Stack>
        </Paper>
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="process-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
