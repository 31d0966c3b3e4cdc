import { ActionIcon, Group, Paper } from '@mantine/core';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { IconArrowDown, IconArrowUp, IconGripVertical } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { moved } from './reorder';

/**
 * A list the admin puts in order: drag a row by its handle onto another row's place, or move it
 * one place with its arrows. `onReorder` gets the whole new order; the store saves it at once.
 */
export function SortableRows<T extends { id: string }>({
  items,
  disabled = false,
  onReorder,
  children,
  testId,
}: {
  items: T[];
  disabled?: boolean;
  onReorder: (order: T[]) => void;
  children: (item: T) => ReactNode;
  testId?: string;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const index = (id: unknown) => items.findIndex((x) => x.id === id);
  const onDragEnd = (e: DragEndEvent) => {
    const [from, to] = [index(e.active.id), index(e.over?.id)];
    if (from >= 0 && to >= 0 && from !== to) onReorder(moved(items, from, to));
  };
  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      <div data-testid={testId}>
        {items.map((item, i) => (
          <Row
            key={item.id}
            id={item.id}
            disabled={disabled}
            up={i > 0 ? () => onReorder(moved(items, i, i - 1)) : null}
            down={i < items.length - 1 ? () => onReorder(moved(items, i, i + 1)) : null}
          >
            {children(item)}
          </Row>
        ))}
      </div>
    </DndContext>
  );
}

function Row({ id, disabled, up, down, children }: {
  id: string;
  disabled: boolean;
  up: (() => void) | null;
  down: (() => void) | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const drag = useDraggable({ id, disabled });
  const drop = useDroppable({ id, disabled });
  const shift = drag.transform ? `translate3d(0, ${drag.transform.y}px, 0)` : undefined;
  return (
    <Paper
      ref={(node) => {
        drag.setNodeRef(node);
        drop.setNodeRef(node);
      }}
      withBorder
      p={6}
      mb={6}
      style={{ transform: shift, position: 'relative', zIndex: drag.isDragging ? 2 : undefined }}
      bg={drop.isOver && !drag.isDragging ? 'var(--mantine-color-default-hover)' : undefined}
      data-testid="sortable-row"
    >
      <Group gap="xs" wrap="nowrap">
        {!disabled && (
          <Group gap={0} wrap="nowrap">
            <ActionIcon variant="subtle" color="gray" aria-label={t('setup.drag')} {...drag.listeners} {...drag.attributes}>
              <IconGripVertical size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="gray" aria-label={t('setup.moveUp')} disabled={!up} onClick={() => up?.()}>
              <IconArrowUp size={14} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="gray" aria-label={t('setup.moveDown')} disabled={!down} onClick={() => down?.()}>
              <IconArrowDown size={14} aria-hidden />
            </ActionIcon>
          </Group>
        )}
        <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      </Group>
    </Paper>
  );
}
