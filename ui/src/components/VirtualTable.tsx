import { Box, Center, Loader, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import classes from './VirtualTable.module.css';

export interface Column<T> {
  key: string;
  label: string;
  width: number;
  render: (row: T) => ReactNode;
  sortable?: boolean;
}

export interface SortState {
  key: string;
  descending: boolean;
}

const ROW_HEIGHT = 36;
/** Ask for the next page this many rows before the end, so scrolling rarely meets the edge. */
const PREFETCH_ROWS = 60;

/**
 * A spreadsheet-like table that renders only the rows in view, so a hundred thousand rows
 * scroll as smoothly as a hundred; it asks for more rows as the end comes near.
 */
export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  sort,
  onSort,
  hasMore,
  loadingMore,
  onEndReached,
  onRowClick,
  height = 'calc(100vh - 190px)',
  testId,
  rowTestId,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  sort?: SortState | null;
  onSort?: (key: string) => void;
  hasMore?: boolean;
  loadingMore?: boolean;
  onEndReached?: () => void;
  onRowClick?: (row: T) => void;
  height?: string | number;
  testId?: string;
  rowTestId?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are only called during this render, never memoised
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? (items[items.length - 1]?.index ?? 0) : 0;

  useEffect(() => {
    if (hasMore && !loadingMore && onEndReached && lastIndex >= rows.length - PREFETCH_ROWS) onEndReached();
  }, [lastIndex, rows.length, hasMore, loadingMore, onEndReached]);

  const template = columns.map((c) => `${c.width}px`).join(' ');
  const totalWidth = columns.reduce((w, c) => w + c.width, 0);

  return (
    <Box ref={scrollRef} className={classes.scroll} style={{ height }} data-testid={testId}>
      <div className={classes.header} style={{ gridTemplateColumns: template, width: totalWidth }} role="row">
        {columns.map((c) => (
          <div
            key={c.key}
            className={classes.cell}
            role="columnheader"
            aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
          >
            {c.sortable && onSort ? (
              <UnstyledButton
                onClick={() => onSort(c.key)}
                className={classes.sortButton}
                data-testid={`sort-${c.key}`}
              >
                {c.label}
                {sort?.key === c.key &&
                  (sort.descending ? <IconChevronDown size={14} aria-hidden /> : <IconChevronUp size={14} aria-hidden />)}
              </UnstyledButton>
            ) : (
              c.label
            )}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width: totalWidth, position: 'relative' }}>
        {items.map((v) => {
          const row = rows[v.index];
          if (row === undefined) return null;
          return (
            <div
              key={rowKey(row)}
              className={classes.row}
              role="row"
              data-testid={rowTestId}
              style={{ gridTemplateColumns: template, height: v.size, transform: `translateY(${v.start}px)` }}
              onClick={onRowClick ? () => onRowClick(row) : undefined}
            >
              {columns.map((c) => (
                <div key={c.key} className={classes.cell}>
                  {c.render(row)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {loadingMore && (
        <Center py="xs">
          <Loader size="sm" />
        </Center>
      )}
      {!hasMore && rows.length > 0 && (
        <Text size="xs" c="dimmed" ta="center" py={4}>
          {rows.length}
        </Text>
      )}
    </Box>
  );
}
