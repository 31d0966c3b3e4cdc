import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { BoardColumn, Id } from '../../api/types';
import { Money } from '../../components/Money';
import { DealCard } from './DealCard';

const KIND_COLOR = { open: undefined, won: 'teal', lost: 'red' } as const;

export function KanbanColumn({ column, ownerNames }: { column: BoardColumn; ownerNames: Map<Id, string> }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id, data: { stage: column.stage } });
  const currency = column.deals[0]?.currency ?? 'UAH';
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      w={260}
      miw={260}
      bg={isOver ? 'var(--mantine-color-default-hover)' : undefined}
      data-testid={`column-${column.stage.name}`}
      data-stage-id={column.stage.id}
    >
      <Stack gap={4} mb="xs">
        <Text fw={600} size="sm" c={KIND_COLOR[column.stage.kind]} truncate>
          {column.stage.name}
        </Text>
        <Group justify="space-between" gap="xs">
          <Badge variant="light" color="gray" data-testid="column-count" title={t('deals.count')}>
            {column.count}
          </Badge>
          <Text size="xs" fw={500} data-testid="column-amount">
            <Money minor={column.amount} currency={currency} />
          </Text>
        </Group>
      </Stack>
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto" offsetScrollbars>
        <Stack gap="xs" mih={80}>
          {column.deals.map((d) => (
            <DealCard key={d.id} deal={d} ownerName={ownerNames.get(d.owner_id)} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
