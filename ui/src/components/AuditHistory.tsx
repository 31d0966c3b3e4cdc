import { Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditHistory } from '../api/audit';
import { useUserNames } from '../api/dictionaries';
import { flatten } from '../api/paging';
import type { Id, JsonValue } from '../api/types';
import { EmptyState } from './EmptyState';
import { ListSkeleton } from './ListSkeleton';
import { QueryError } from './QueryError';
import { When } from './When';

const show = (v: unknown) => (v == null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Who changed the record, when, and each field from what to what. */
export function AuditHistory({ entityId }: { entityId: Id }) {
  const { t } = useTranslation();
  const audit = useAuditHistory(entityId);
  const users = useUserNames();
  const entries = flatten(audit.data?.pages);
  if (audit.isPending) return <ListSkeleton rows={3} />;
  if (audit.isError) return <QueryError error={audit.error} />;
  if (entries.length === 0) return <EmptyState title={t('audit.empty')} />;
  return (
    <Stack gap="xs" data-testid="audit-history">
      {entries.map((e) => (
        <Paper key={e.id} withBorder p="xs">
          <Group justify="space-between">
            <Badge size="sm" variant="light">
              {t(`audit.action.${e.action}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {(e.actor_id && users.get(e.actor_id)) || t('audit.system')} · <When ms={e.at} />
            </Text>
          </Group>
          {e.action === 'update' && e.after && (
            <Stack gap={2} mt={4}>
              {Object.entries(e.after).map(([field, value]) => (
                <Text key={field} size="xs">
                  <Code>{field}</Code> {show((e.before as Record<string, JsonValue> | null)?.[field])} → {show(value)}
                </Text>
              ))}
            </Stack>
          )}
        </Paper>
      ))}
      {audit.hasNextPage && (
        <Button variant="subtle" size="xs" onClick={() => void audit.fetchNextPage()}>
          {t('common.more')}
        </Button>
      )}
    </Stack>
  );
}
