import { Timeline as MantineTimeline, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../../api/dictionaries';
import { useStageHistory } from '../../api/deals';
import type { Deal, Stage } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { When } from '../../components/When';

export function StageHistory({ deal, stages }: { deal: Deal; stages: Stage[] }) {
  const { t } = useTranslation();
  const history = useStageHistory(deal.id);
  const users = useUserNames();
  const names = new Map(stages.map((s) => [s.id, s.name]));
  if (history.isPending) return <ListSkeleton rows={3} />;
  const spells = history.data ?? [];
  if (spells.length === 0) return <EmptyState title={t('stageHistory.empty')} />;
  return (
    <MantineTimeline active={spells.length - 1} bulletSize={14} lineWidth={2} data-testid="stage-history">
      {spells.map((s) => (
        <MantineTimeline.Item key={s.id} title={names.get(s.stage_id) ?? '…'}>
          <Text size="xs" c="dimmed">
            <When ms={s.entered_at} /> — {s.left_at ? <When ms={s.left_at} /> : t('stageHistory.now')}
            {s.by_user_id && ` · ${users.get(s.by_user_id) ?? ''}`}
          </Text>
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}
