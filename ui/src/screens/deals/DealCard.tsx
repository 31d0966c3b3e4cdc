import { Group, Paper, Text } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useNavigate } from 'react-router';
import type { Deal } from '../../api/types';
import { Money } from '../../components/Money';
import { WithoutTaskFlag } from '../../components/WithoutTaskFlag';

export function DealCard({ deal, ownerName }: { deal: Deal; ownerName?: string }) {
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
        <WithoutTaskFlag deal={deal} />
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
