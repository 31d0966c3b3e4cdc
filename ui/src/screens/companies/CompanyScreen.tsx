import { Anchor, Badge, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompany } from '../../api/companies';
import { useContactsOf } from '../../api/contacts';
import { useDealList } from '../../api/deals';
import { flatten } from '../../api/paging';
import { AuditHistory } from '../../components/AuditHistory';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { Money } from '../../components/Money';
import { QueryError } from '../../components/QueryError';
import { Timeline } from '../../components/timeline/Timeline';
import { TaskList } from '../../tasks/TaskList';
import { CompanyForm } from './CompanyForm';

export function CompanyScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const company = useCompany(id);
  const contacts = useContactsOf({ company_id: id });
  const deals = useDealList({ company_id: id });

  if (company.isPending) return <ListSkeleton rows={8} />;
  if (company.isError) return <QueryError error={company.error} retry={() => void company.refetch()} />;
  const c = company.data;
  const dealRows = flatten(deals.data?.pages);

  return (
    <Stack gap="md" data-testid="company-screen">
      <Group gap="xs">
        <Title order={2}>{c.name}</Title>
        {c.city && <Badge variant="light">{c.city}</Badge>}
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md">
            <CompanyForm
              key={c.version}
              company={c}
              onSaved={() => void company.refetch()}
              onReload={() => void company.refetch()}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Tabs defaultValue="timeline" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="timeline">{t('timeline.title')}</Tabs.Tab>
              <Tabs.Tab value="contacts">{t('nav.contacts')}</Tabs.Tab>
              <Tabs.Tab value="deals">{t('nav.deals')}</Tabs.Tab>
              <Tabs.Tab value="tasks">{t('task.tasks')}</Tabs.Tab>
              <Tabs.Tab value="audit">{t('audit.title')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="sm">
              <Timeline of={{ kind: 'company', id: c.id }} link={{ company_id: c.id }} />
            </Tabs.Panel>
            <Tabs.Panel value="contacts" pt="sm">
              {contacts.isPending && <ListSkeleton rows={2} />}
              {contacts.data?.items.length === 0 && <EmptyState title={t('contacts.none')} />}
              <Stack gap="xs">
                {contacts.data?.items.map((p) => (
                  <Paper key={p.id} withBorder p="xs" data-testid="company-contact">
                    <Anchor component={Link} to={`/contacts/${p.id}`} fw={500}>
                      {p.full_name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {[p.position, ...p.phones, ...p.emails].filter(Boolean).join(' · ')}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="deals" pt="sm">
              {deals.isPending && <ListSkeleton rows={2} />}
              {deals.isSuccess && dealRows.length === 0 && <EmptyState title={t('deals.empty')} />}
              <Stack gap="xs">
                {dealRows.map((d) => (
                  <Paper key={d.id} withBorder p="xs" data-testid="company-deal">
                    <Group justify="space-between">
                      <Anchor component={Link} to={`/deals/${d.id}`}>
                        {d.title}
                      </Anchor>
                      <Group gap="xs">
                        <Badge size="sm" variant="light">
                          {t(`dealStatus.${d.status}`)}
                        </Badge>
                        <Money minor={d.amount} currency={d.currency} />
                      </Group>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="tasks" pt="sm">
              <TaskList filter={{ company_id: c.id }} link={{ company_id: c.id }} />
            </Tabs.Panel>
            <Tabs.Panel value="audit" pt="sm">
              <AuditHistory entityId={c.id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
