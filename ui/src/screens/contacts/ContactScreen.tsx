import { Anchor, Badge, Grid, Group, Paper, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompany } from '../../api/companies';
import { useContact } from '../../api/contacts';
import { AuditHistory } from '../../components/AuditHistory';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { RelatedDeals } from '../../components/RelatedDeals';
import { Timeline } from '../../components/timeline/Timeline';
import { ContactForm } from './ContactForm';

export function ContactScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const contact = useContact(id);
  const company = useCompany(contact.data?.company_id);

  if (contact.isPending) return <ListSkeleton rows={8} />;
  if (contact.isError) return <QueryError error={contact.error} retry={() => void contact.refetch()} />;
  const c = contact.data;

  return (
    <Stack gap="md" data-testid="contact-screen">
      <Group gap="xs">
        <Title order={2}>{c.full_name}</Title>
        {c.position && <Badge variant="light">{c.position}</Badge>}
        {company.data && (
          <Anchor component={Link} to={`/companies/${company.data.id}`}>
            {company.data.name}
          </Anchor>
        )}
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md">
            <ContactForm
              key={c.version}
              contact={c}
              onSaved={() => void contact.refetch()}
              onReload={() => void contact.refetch()}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Tabs defaultValue="timeline" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="timeline">{t('timeline.title')}</Tabs.Tab>
              <Tabs.Tab value="deals">{t('nav.deals')}</Tabs.Tab>
              <Tabs.Tab value="audit">{t('audit.title')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="sm">
              <Timeline of={{ kind: 'contact', id: c.id }} link={{ contact_id: c.id, company_id: c.company_id }} />
            </Tabs.Panel>
            <Tabs.Panel value="deals" pt="sm">
              <RelatedDeals filter={{ contact_id: c.id }} testId="contact-deal" />
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
