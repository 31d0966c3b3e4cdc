import { Group, Paper, Text, Tooltip } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { IconFlagFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Deal } from '../../api/types';
import { Money } from '../../components/Money';

export function DealCard({ deal, ownerName, withoutTask }: { deal: Deal; ownerName?: string; withoutTask?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: deal.id,
    data: { deal },
  });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      shadow={isDragging ? 'md' : 'xs'}
      p="xs"
      style={{
        transform: CSS.Translate.toString(transform),
        opacity: isDragging ? 0.7 : 1,
        cursor: 'grab',
        zIndex: isDragging ? 10 : undefined,
        position: 'relative',
      }}
      data-testid="deal-card"
      data-deal-id={deal.id}
      onClick={() => navigate(`/deals/${deal.id}`)}
      {...attributes}
      {...listeners}
    >
      <Text size="sm" fw={500} lineClamp={2}>
        {withoutTask && (
          <Tooltip label={t('deal.withoutTask')}>
            <Text span c="orange" mr={4} data-testid="deal-without-task-flag" role="img" aria-label={t('deal.withoutTask')}>
              <IconFlagFilled size={14} style={{ verticalAlign: '-2px' }} aria-hidden />
            </Text>
          </Tooltip>
        )}
        {deal.title}
      </Text>
      <Group justify="space-between" gap="xs" mt={4}>
        <Text size="xs" c="dimmed" truncate>
          {ownerName}
        </Text>
        <Text size="xs" fw={500}>
          <Money minor={deal.amount} currency={deal.currency} />
        </Text>
      </Group>
    </Paper>
  );
}
