import { Button, Checkbox, Chip, Group, Input, NumberInput, SimpleGrid, Stack, Switch, TagsInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/call';
import { reportError } from '../../api/errors';
import { useSaveNotificationSettings } from '../../api/gong';
import type { NotificationSettings, StoredNotificationSettings } from '../../api/types';
import { ConflictAlert } from '../../components/ConflictAlert';

const DAYS = [1, 2, 3, 4, 5, 6, 7];

interface Values {
  reminder_lead_minutes: number | string;
  overdue_at_due: boolean;
  head_digest_minutes: number | string;
  check_in_times: string[];
  // Chip groups hold strings; the store wants ISO weekday numbers.
  working_days: string[];
  gong_muted: boolean;
  catch_up_threshold: number | string;
}

function toValues(s: NotificationSettings): Values {
  return { ...s, working_days: s.working_days.map(String) };
}

function toSettings(v: Values): NotificationSettings {
  return {
    reminder_lead_minutes: Number(v.reminder_lead_minutes),
    overdue_at_due: v.overdue_at_due,
    head_digest_minutes: Number(v.head_digest_minutes),
    check_in_times: v.check_in_times.map((t) => t.trim()),
    working_days: v.working_days.map(Number).sort((a, b) => a - b),
    gong_muted: v.gong_muted,
    catch_up_threshold: Number(v.catch_up_threshold),
  };
}

/** The store names a list item ("check_in_times[1]"); the inputs show one error per list. */
function listError(errors: Record<string, unknown>, field: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === field || k.startsWith(`${field}.`));
  return key ? String(errors[key]) : undefined;
}

/** When the user is reminded, told of overdue work and checked in on; and the gong's sound. */
export function NotificationSettingsForm({ stored, onReload }: { stored: StoredNotificationSettings; onReload: () => void }) {
  const { t } = useTranslation();
  const save = useSaveNotificationSettings();
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values>({ initialValues: toValues(stored.settings) });
  const checkInError = listError(form.errors, 'check_in_times');
  const daysError = listError(form.errors, 'working_days');
  const submit = form.onSubmit((v) => {
    setConflict(false);
    save.mutate(
      { version: stored.version, settings: toSettings(v) },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('settings.notifications.saved') }),
        onError: (e) => (isApiError(e, 'conflict') ? setConflict(true) : reportError(form, e, t)),
      },
    );
  });
  return (
    <form onSubmit={submit} data-testid="notification-settings-form">
      <Stack>
        {conflict && <ConflictAlert onReload={onReload} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('settings.notifications.reminderLead')}
            min={0}
            max={1440}
            data-testid="notify-reminder-lead"
            {...form.getInputProps('reminder_lead_minutes')}
          />
          <NumberInput
            label={t('settings.notifications.headDigest')}
            min={5}
            max={1440}
            data-testid="notify-head-digest"
            {...form.getInputProps('head_digest_minutes')}
          />
          <NumberInput
            label={t('settings.notifications.catchUp')}
            min={1}
            max={1000}
            data-testid="notify-catch-up"
            {...form.getInputProps('catch_up_threshold')}
          />
        </SimpleGrid>
        <TagsInput
          label={t('settings.notifications.checkIns')}
          description={t('settings.notifications.checkInsHint')}
          data-testid="notify-check-ins"
          {...form.getInputProps('check_in_times')}
          error={checkInError}
        />
        <Input.Wrapper label={t('settings.notifications.workingDays')} error={daysError}>
          <Chip.Group multiple {...form.getInputProps('working_days')}>
            <Group gap={6} mt={4} data-testid="notify-working-days">
              {DAYS.map((d) => (
                <Chip key={d} value={String(d)} size="sm" data-testid={`notify-day-${d}`}>
                  {t(`settings.notifications.days.${d}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <Checkbox
          label={t('settings.notifications.overdueAtDue')}
          data-testid="notify-overdue"
          {...form.getInputProps('overdue_at_due', { type: 'checkbox' })}
        />
        <Switch
          label={t('settings.notifications.gongMuted')}
          data-testid="notify-gong-muted"
          {...form.getInputProps('gong_muted', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="notify-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
