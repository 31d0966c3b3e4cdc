import { Alert, Anchor, Badge, Grid, Group, Paper, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconFlagFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompany } from '../../api/companies';
import { useDeal } from '../../api/deals';
import { useStages } from '../../api/dictionaries';
import { AuditHistory } from '../../components/AuditHistory';
import { ListSkeleton } from '../../components/ListSkeleton';
import { Money } from '../../components/Money';
import { QueryError } from '../../components/QueryError';
import { Timeline } from '../../components/timeline/Timeline';
import { TaskList } from '../../tasks/TaskList';
import { DealForm } from '../deals/DealForm';
import { useDealMove } from '../deals/useDealMove';
import { DealContacts } from './DealContacts';
import { DealDocuments } from './DealDocuments';
import { DealItems } from './DealItems';
import { DealPayments } from './DealPayments';
import { DealTrash } from './DealTrash';
import { StageHistory } from './StageHistory';

const STATUS_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

export function DealScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const deal = useDeal(id);
  const stages = useStages(deal.data?.pipeline_id);
  const company = useCompany(deal.data?.company_id);
  const { move, dialogs } = useDealMove();

  if (deal.isPending) return <ListSkeleton rows={8} />;
  if (deal.isError) return <QueryError error={deal.error} retry={() => void deal.refetch()} />;
  const d = deal.data;
  const deleted = d.deleted_at != null;

  return (
    <Stack gap="md" data-testid="deal-screen">
      {deleted && <DealTrash deal={d} />}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="deal-card-title">
            {d.title}
          </Title>
          <Group gap="xs">
            <Badge color={STATUS_COLOR[d.status]} variant="light">
              {t(`dealStatus.${d.status}`)}
            </Badge>
            <Text fw={600}>
              <Money minor={d.amount} currency={d.currency} />
            </Text>
            {company.data && (
              <Anchor component={Link} to={`/companies/${company.data.id}`} size="sm">
                {company.data.name}
              </Anchor>
            )}
          </Group>
        </Stack>
        <Group align="flex-end">
          {!deleted && <DealTrash deal={d} />}
          <Select
          label={t('deal.stage')}
          disabled={deleted}
          // An archived stage takes no deals; the deal's own stage stays listed to show where it is.
          data={(stages.data ?? [])
            .filter((s) => !s.archived || s.id === d.stage_id)
            .map((s) => ({ value: s.id, label: s.name }))}
          value={d.stage_id}
          onChange={(stageId) => stageId && stageId !== d.stage_id && move(d, stageId)}
          allowDeselect={false}
          data-testid="deal-stage-select"
        />
        </Group>
      </Group>
      {/* Rule 2, as the store computed it when it read the deal. */}
      {d.without_task && (
        <Alert color="orange" variant="light" icon={<IconFlagFilled size={16} />} data-testid="deal-without-task-alert">
          {t('deal.withoutTask')}
        </Alert>
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md">
            <DealForm
              key={d.version}
              deal={d}
              pipelineId={d.pipeline_id}
              onSaved={() => void deal.refetch()}
              onReload={() => void deal.refetch()}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Tabs defaultValue="timeline" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="timeline">{t('timeline.title')}</Tabs.Tab>
              <Tabs.Tab value="tasks">{t('task.tasks')}</Tabs.Tab>
              <Tabs.Tab value="contacts">{t('deal.contacts')}</Tabs.Tab>
              <Tabs.Tab value="items">{t('items.title')}</Tabs.Tab>
              <Tabs.Tab value="payments">{t('payments.title')}</Tabs.Tab>
              <Tabs.Tab value="documents">{t('documents.title')}</Tabs.Tab>
              <Tabs.Tab value="stages">{t('stageHistory.title')}</Tabs.Tab>
              <Tabs.Tab value="audit">{t('audit.title')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="sm">
              <Timeline of={{ kind: 'deal', id: d.id }} link={{ deal_id: d.id, company_id: d.company_id }} />
            </Tabs.Panel>
            <Tabs.Panel value="tasks" pt="sm">
              <TaskList filter={{ deal_id: d.id }} link={{ deal_id: d.id, company_id: d.company_id }} />
            </Tabs.Panel>
            <Tabs.Panel value="contacts" pt="sm">
              <DealContacts ids={d.contact_ids} />
            </Tabs.Panel>
            <Tabs.Panel value="items" pt="sm">
              <DealItems deal={d} />
            </Tabs.Panel>
            <Tabs.Panel value="payments" pt="sm">
              <DealPayments deal={d} />
            </Tabs.Panel>
            <Tabs.Panel value="documents" pt="sm">
              <DealDocuments deal={d} />
            </Tabs.Panel>
            <Tabs.Panel value="stages" pt="sm">
              <StageHistory deal={d} stages={stages.data ?? []} />
            </Tabs.Panel>
            <Tabs.Panel value="audit" pt="sm">
              <AuditHistory entityId={d.id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
      {dialogs}
    </Stack>
  );
}
