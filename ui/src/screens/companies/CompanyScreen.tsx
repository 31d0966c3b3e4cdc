import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompany } from '../../api/companies';
import { useContactsOf } from '../../api/contacts';
import { AuditHistory } from '../../components/AuditHistory';
import { DocumentsSection } from '../../components/documents/DocumentsSection';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { RelatedDeals } from '../../components/RelatedDeals';
import { Timeline } from '../../components/timeline/Timeline';
import { useCurrentUser, useRights } from '../../shell/currentUser';
import { TaskList } from '../../tasks/TaskList';
import { HandoverDialog } from '../team/HandoverDialog';
import { CompanyForm } from './CompanyForm';

export function CompanyScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const company = useCompany(id);
  const contacts = useContactsOf({ company_id: id });
  const rights = useRights();
  const me = useCurrentUser();
  const [handingOver, setHandingOver] = useState(false);

  if (company.isPending) return <ListSkeleton rows={8} />;
  if (company.isError) return <QueryError error={company.error} retry={() => void company.refetch()} />;
  const c = company.data;

  return (
    <Stack gap="md" data-testid="company-screen">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>{c.name}</Title>
          {c.city && <Badge variant="light">{c.city}</Badge>}
        </Group>
        {rights?.regulations && (
          <Button variant="light" onClick={() => setHandingOver(true)} data-testid="company-handover">
            {t('handover.action')}
          </Button>
        )}
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
              <Tabs.Tab value="documents">{t('documents.title')}</Tabs.Tab>
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
              <RelatedDeals filter={{ company_id: c.id }} testId="company-deal" />
            </Tabs.Panel>
            <Tabs.Panel value="tasks" pt="sm">
              <TaskList filter={{ company_id: c.id }} link={{ company_id: c.id }} />
            </Tabs.Panel>
            <Tabs.Panel value="documents" pt="sm">
              {/* The client base is read by the whole team and changed by its owner, the head and the admin (rights.rs). */}
              <DocumentsSection
                of={{ kind: 'company', id: c.id }}
                mayChange={c.deleted_at == null && (!!rights?.all_clients || c.owner_id === me?.id)}
              />
            </Tabs.Panel>
            <Tabs.Panel value="audit" pt="sm">
              <AuditHistory entityId={c.id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
      {/* Its owner already holds it: the receivers are the others. */}
      <HandoverDialog
        scope={handingOver ? { kind: 'companies', company_ids: [c.id] } : null}
        exclude={[c.owner_id]}
        onClose={() => setHandingOver(false)}
      />
    </Stack>
  );
}
