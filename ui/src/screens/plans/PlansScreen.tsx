import { ActionIcon, Alert, Button, Group, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../api/call';
import { useUsers } from '../../api/dictionaries';
import { errorText, notifyError } from '../../api/errors';
import { usePlans, useSavePlans } from '../../api/plans';
import { useProcessSettings } from '../../api/setup';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { useAppInfoContext } from '../../shell/currentUser';
import { PlansGrid } from './PlansGrid';
import { cellsToSave, METRICS, monthsOf, previousMonth, valuesOf, type Edit, type GridRow, type Metric } from './planGrid';

/**
 * Plans: managers × months of a year, with the team's plan on top, one sheet per target
 * (revenue, calls, meetings). The head and the admin type into it like a spreadsheet and save
 * what they changed at once; a manager reads her own and the team's.
 */
export function PlansScreen() {
  const { t } = useTranslation();
  const info = useAppInfoContext();
  const editable = info?.rights?.set_plans ?? false;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [metric, setMetric] = useState<Metric>('revenue');
  const months = monthsOf(year);
  // December before, so January can copy its last month.
  const plans = usePlans(previousMonth(months[0] as string), months[11] as string);
  const users = useUsers();
  const settings = useProcessSettings();
  const save = useSavePlans();
  const [edit, setEdit] = useState<{ values: Edit['values']; changed: Set<string>; unreadable: Set<string> } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [refused, setRefused] = useState<{ key: string; text: string } | null>(null);

  const stored = useMemo(() => valuesOf(plans.data ?? []), [plans.data]);
  const rows = useMemo<GridRow[]>(() => {
    // Everyone active (a local file's one user sells too), and whoever left with a plan.
    const planned = new Set((plans.data ?? []).map((p) => p.user_id));
    const people = (users.data ?? [])
      .filter((u) => u.active || planned.has(u.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((u) => ({ userId: u.id, name: u.name }));
    return [{ userId: null, name: t('plans.team') }, ...people];
  }, [plans.data, users.data, t]);

  if (plans.isPending || users.isPending) return <ListSkeleton rows={6} />;
  if (plans.isError) return <QueryError error={plans.error} retry={() => void plans.refetch()} />;

  const values = edit?.values ?? stored;
  const apply = (e: Edit) => {
    setRefused(null);
    setEdit((prev) => ({
      values: e.values,
      changed: new Set([...(prev?.changed ?? []), ...e.changed]),
      unreadable: new Set([...[...(prev?.unreadable ?? [])].filter((k) => !e.changed.includes(k)), ...e.unreadable]),
    }));
  };
  const discard = () => {
    setEdit(null);
    setRefused(null);
    setConflict(false);
  };
  const submit = () => {
    if (!edit) return;
    const cells = cellsToSave(edit.values, edit.changed);
    save.mutate(cells, {
      onSuccess: () => {
        discard();
        notifications.show({ color: 'teal', message: t('plans.saved', { count: cells.length }) });
      },
      onError: (e) => {
        if (isApiError(e, 'conflict')) return setConflict(true);
        const at = e instanceof ApiError ? /^cells\[(\d+)\]/.exec(e.field ?? '') : null;
        const cell = at ? cells[Number(at[1])] : undefined;
        if (cell) return setRefused({ key: `${cell.user_id ?? 'team'}|${cell.month}`, text: `${errorText(t, e)}: ${e.message}` });
        notifyError(t, e);
      },
    });
  };
  const dirty = (edit?.changed.size ?? 0) > 0;
  const unreadable = (edit?.unreadable.size ?? 0) > 0;

  return (
    <Stack gap="sm" data-testid="plans-screen">
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('plans.title')}</Title>
          <Group gap={4}>
            <ActionIcon variant="subtle" aria-label={t('plans.previousYear')} onClick={() => setYear((y) => y - 1)} disabled={dirty}>
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Text fw={600} data-testid="plans-year">
              {year}
            </Text>
            <ActionIcon variant="subtle" aria-label={t('plans.nextYear')} onClick={() => setYear((y) => y + 1)} disabled={dirty}>
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
          <SegmentedControl
            value={metric}
            onChange={(v) => setMetric(v as Metric)}
            data={METRICS.map((m) => ({
              value: m,
              label: m === 'revenue' ? t('plans.revenue', { currency: settings.data?.default_currency ?? '' }) : t(`plans.${m}`),
            }))}
            data-testid="plans-metric"
          />
        </Group>
        {editable && (
          <Group>
            <Button variant="subtle" onClick={discard} disabled={!dirty}>
              {t('plans.discard')}
            </Button>
            <Tooltip label={t('plans.unreadable')} disabled={!unreadable}>
              <Button onClick={submit} disabled={!dirty || unreadable} loading={save.isPending} data-testid="plans-save">
                {t('common.save')}
              </Button>
            </Tooltip>
          </Group>
        )}
      </Group>
      {editable ? (
        <Text size="sm" c="dimmed">
          {t('plans.hint')}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('plans.readOnly')}
        </Text>
      )}
      {conflict && (
        <ConflictAlert
          onReload={() => {
            discard();
            void plans.refetch();
          }}
        />
      )}
      {refused && (
        <Alert color="red" data-testid="plans-refused">
          {refused.text}
        </Alert>
      )}
      <PlansGrid
        rows={rows}
        months={months}
        metric={metric}
        values={values}
        changed={edit?.changed ?? new Set()}
        unreadable={edit?.unreadable ?? new Set()}
        refused={refused?.key ?? null}
        editable={editable}
        onEdit={apply}
      />
    </Stack>
  );
}
