import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useContactsById } from '../../api/contacts';
import type { Id } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';

export function DealContacts({ ids }: { ids: Id[] }) {
  const { t } = useTranslation();
  const contacts = useContactsById(ids);
  if (ids.length === 0) return <EmptyState title={t('contacts.none')} hint={t('contacts.addInForm')} />;
  return (
    <Stack gap="xs">
      {contacts.map((q, i) => (
        <Paper key={ids[i]} withBorder p="xs">
          {q.data ? (
            <>
              <Anchor component={Link} to={`/contacts/${q.data.id}`} fw={500}>
                {q.data.full_name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[q.data.position, ...q.data.phones, ...q.data.emails].filter(Boolean).join(' · ')}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              …
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
