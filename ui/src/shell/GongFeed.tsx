import { ActionIcon, Divider, Indicator, Popover, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { onGong, useNotificationSettings, useRecentGongs, withGong } from '../api/gong';
import { useInvalidate } from '../api/invalidate';
import { keys } from '../api/keys';
import { useShellEvent } from '../api/shellEvents';
import type { GongEvent } from '../api/types';
import { EmptyState } from '../components/EmptyState';
import { QueryError } from '../components/QueryError';
import { formatDateTime } from '../components/When';
import { playGong } from './gongSound';
import { bpPercent, gongSentence } from './gongText';
import { TeamProgressView } from './TeamProgressView';

/**
 * The team gong: every won deal and received payment rings for everyone (DOMAIN rule 8), with
 * a sound, a toast and a line in the feed, so a win is seen by the whole team at once.
 */
export function GongFeed() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  const [opened, setOpened] = useState(false);
  // Gongs rung since the app started, not the history read at start: the badge says "news".
  const [rung, setRung] = useState(0);
  const gongs = useRecentGongs();
  const settings = useNotificationSettings();
  const muted = settings.data?.settings.gong_muted ?? false;

  const onRing = useCallback(
    (g: GongEvent) => {
      qc.setQueryData<GongEvent[]>(keys.gongs, (feed) => withGong(feed, g));
      setRung((n) => n + 1);
      if (!muted) playGong();
      const today = bpPercent(g.progress.today_share_bp);
      notifications.show({
        color: 'teal',
        title: t('gong.title'),
        message: (
          <span data-testid="gong-toast">
            {gongSentence(t, i18n.language, g)}
            {today != null && ` · ${t('gong.toastProgress', { percent: today })}`}
          </span>
        ),
      });
      // The deal's status and its payments changed on someone else's screen.
      void invalidate('deal');
    },
    [qc, muted, t, i18n.language, invalidate],
  );
  useShellEvent(onGong, onRing);

  const newestFirst = [...(gongs.data ?? [])].reverse();
  const newest = newestFirst[0];
  const open = (g: GongEvent) => {
    setOpened(false);
    void navigate(`/deals/${g.deal_id}`);
  };

  return (
    <Popover opened={opened} onChange={setOpened} width={380} position="bottom-end" shadow="md">
      <Popover.Target>
        <Indicator label={rung} size={16} disabled={rung === 0} offset={4} data-testid="gong-badge">
          <Tooltip label={t('gong.title')}>
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={t('gong.title')}
              onClick={() => setOpened((o) => !o)}
              data-testid="gong-button"
            >
              <IconBell size={20} stroke={1.6} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown data-testid="gong-feed">
        {gongs.error ? (
          <QueryError error={gongs.error} retry={() => void gongs.refetch()} />
        ) : newest ? (
          <Stack gap="xs">
            <TeamProgressView progress={newest.progress} />
            <Divider />
            <ScrollArea.Autosize mah={360}>
              <Stack gap={4}>
                {newestFirst.map((g) => (
                  <UnstyledButton key={g.seq} onClick={() => open(g)} data-testid="gong-entry" p={4}>
                    <Text size="sm">{gongSentence(t, i18n.language, g)}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(g.at, i18n.language)}
                      {g.company_name && ` · ${g.company_name}`}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Stack>
        ) : (
          <EmptyState title={t('gong.empty')} hint={t('gong.emptyHint')} testId="gong-empty" />
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
