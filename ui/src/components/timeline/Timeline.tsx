import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeline } from '../../api/activities';
import { useUserNames } from '../../api/dictionaries';
import { useOpenDocument } from '../../api/documents';
import { notifyError } from '../../api/errors';
import { useChoices } from '../../api/setup';
import { flatten } from '../../api/paging';
import type { Activity, TimelineOf } from '../../api/types';
import { EmptyState } from '../EmptyState';
import { ListSkeleton } from '../ListSkeleton';
import { QueryError } from '../QueryError';
import { When } from '../When';
import { LogActivityDialog, type ActivityLink, type LoggableKind } from './LogActivityDialog';

const LOGGABLE: LoggableKind[] = ['call', 'email', 'meeting', 'note'];

function details(a: Activity, t: (k: string) => string, outcomeName: (code: string) => string): string {
  const d = a.details;
  const parts: string[] = [];
  if (d.direction) parts.push(t(`timeline.${d.direction}`));
  if (d.duration_s != null) parts.push(`${Math.round(d.duration_s / 60)} ${t('timeline.min')}`);
  if (d.outcome) parts.push(outcomeName(d.outcome));
  if (d.subject) parts.push(d.subject);
  return parts.join(' · ');
}

/** One merged communication history, newest first, with buttons to log what just happened. */
export function Timeline({ of, link }: { of: TimelineOf; link: ActivityLink }) {
  const { t } = useTranslation();
  const timeline = useTimeline(of);
  const users = useUserNames();
  const outcomes = useChoices('call_outcome');
  const open = useOpenDocument();
  const [logging, setLogging] = useState<LoggableKind | null>(null);
  const items = flatten(timeline.data?.pages);
  return (
    <Stack gap="xs" data-testid="timeline">
      <Group justify="space-between">
        <Title order={5}>{t('timeline.title')}</Title>
        <Group gap={4}>
          {LOGGABLE.map((k) => (
            <Button key={k} size="xs" variant="light" onClick={() => setLogging(k)} data-testid={`log-${k}`}>
              {t(`timeline.log.${k}`)}
            </Button>
          ))}
        </Group>
      </Group>
      {timeline.isPending && <ListSkeleton rows={3} />}
      {timeline.isError && <QueryError error={timeline.error} retry={() => void timeline.refetch()} />}
      {timeline.isSuccess && items.length === 0 && <EmptyState title={t('timeline.empty')} />}
      {items.map((a) => (
        <Paper key={a.id} withBorder p="xs" data-testid="timeline-entry">
          <Group justify="space-between" gap="xs">
            <Group gap="xs">
              <Badge size="sm" variant="light">
                {t(`activityKind.${a.kind}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {details(a, t, outcomes.nameOf)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {users.get(a.author_id)} · <When ms={a.occurred_at} />
            </Text>
          </Group>
          {a.body && a.details.document_id ? (
            // A document kept in the database opens from its entry (while it is not deleted).
            <Anchor
              component="button"
              size="sm"
              mt={4}
              onClick={() => a.details.document_id && open.mutate(a.details.document_id, { onError: (e) => notifyError(t, e) })}
              data-testid="timeline-document-open"
            >
              {a.body}
            </Anchor>
          ) : (
            a.body && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {a.body}
              </Text>
            )
          )}
        </Paper>
      ))}
      {timeline.hasNextPage && (
        <Button variant="subtle" size="xs" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
      <LogActivityDialog kind={logging} link={link} onClose={() => setLogging(null)} />
    </Stack>
  );
}
