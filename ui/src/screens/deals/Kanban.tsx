import { Group, ScrollArea } from '@mantine/core';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import type { BoardColumn, Deal, Id } from '../../api/types';
import { KanbanColumn } from './KanbanColumn';

/**
 * The pipeline as columns of deals. A drop only asks to move: whether the deal may enter the
 * stage is the server's decision, and `onMove` deals with its answer.
 */
export function Kanban({ columns, ownerNames, onMove }: {
  columns: BoardColumn[];
  ownerNames: Map<Id, string>;
  onMove: (deal: Deal, stageId: Id) => void;
}) {
  // A few pixels of travel before a drag starts, so a click still opens the deal.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );

  const onDragEnd = (e: DragEndEvent) => {
    const deal = e.active.data.current?.deal as Deal | undefined;
    const stageId = e.over?.id as Id | undefined;
    if (deal && stageId && stageId !== deal.stage_id) onMove(deal, stageId);
  };

  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      <ScrollArea type="auto" offsetScrollbars data-testid="kanban">
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
          {columns.map((c) => (
            <KanbanColumn key={c.stage.id} column={c} ownerNames={ownerNames} />
          ))}
        </Group>
      </ScrollArea>
    </DndContext>
  );
}
