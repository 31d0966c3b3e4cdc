import { ActionIcon, Table, Text, Tooltip } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './PlansGrid.module.css';
import {
  EMPTY,
  cellKey,
  columnTotal,
  copyMonth,
  parseBlock,
  parseNumber,
  paste,
  previousMonth,
  type Edit,
  type GridRow,
  type GridValues,
  type Metric,
} from './planGrid';

/** A number as the grid shows it: grouped thousands, kopiyky only when there are any. */
function shown(n: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(n);
}

/**
 * The sheet itself: a row per person (the team first), a column per month, a totals row of the
 * managers. Type into a cell, Tab to the next month, Enter to the next person; a block pasted
 * from a spreadsheet fills the cells from the one pasted into.
 */
export function PlansGrid({ rows, months, metric, values, changed, unreadable, refused, editable, onEdit }: {
  rows: GridRow[];
  months: string[];
  metric: Metric;
  values: GridValues;
  changed: Set<string>;
  unreadable: Set<string>;
  refused: string | null;
  editable: boolean;
  onEdit: (e: Edit) => void;
}) {
  const { t, i18n } = useTranslation();
  // What was typed into a cell as typed: kept while it is being typed, and after it left as
  // long as it is not a number ("12,3,4"), so the person sees what to correct.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const setDraft = (key: string, text: string | null) =>
    setDrafts((d) => {
      const next = { ...d };
      if (text === null) delete next[key];
      else next[key] = text;
      return next;
    });
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

  const type = (row: number, col: number, text: string) => {
    const r = rows[row];
    const m = months[col];
    if (!r || !m) return;
    setDraft(cellKey(r.userId, m), text);
    onEdit(paste(values, rows, months, metric, { row, col }, [[text]]));
  };
  const onPaste = (row: number, col: number) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain') || e.clipboardData.getData('text');
    if (!/[\t\n]/.test(text)) return;
    e.preventDefault();
    setDrafts({});
    onEdit(paste(values, rows, months, metric, { row, col }, parseBlock(text)));
  };
  const onKeyDown = (row: number, col: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const next = document.querySelector<HTMLInputElement>(`[data-cell="${row + (e.shiftKey ? -1 : 1)}-${col}"]`);
    next?.focus();
    next?.select();
  };

  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table withTableBorder withColumnBorders striped className={classes.grid} data-testid="plans-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.who')}</Table.Th>
            {months.map((m) => (
              <Table.Th key={m}>
                <span className={classes.month}>
                  {monthName(m)}
                  {editable && (
                    <Tooltip label={t('plans.copyLastMonth')}>
                      <ActionIcon
                        size="xs"
                        variant="subtle"
                        aria-label={t('plans.copyLastMonth')}
                        onClick={() => onEdit(copyMonth(values, rows, previousMonth(m), m))}
                        data-testid={`plans-copy-${m}`}
                      >
                        <IconCopy size={12} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </span>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, row) => (
            <Table.Tr key={r.userId ?? 'team'} className={r.userId === null ? classes.team : undefined}>
              <Table.Td>
                <Text size="sm" fw={r.userId === null ? 600 : undefined} truncate>
                  {r.name}
                </Text>
              </Table.Td>
              {months.map((m, col) => {
                const key = cellKey(r.userId, m);
                const value = (values.get(key) ?? EMPTY)[metric];
                const text = drafts[key] ?? (value ? shown(value, i18n.language) : '');
                const bad = unreadable.has(key) || refused === key;
                return (
                  <Table.Td key={m} className={changed.has(key) ? classes.changed : undefined}>
                    <input
                      className={classes.cell}
                      value={text}
                      readOnly={!editable}
                      inputMode="decimal"
                      aria-label={`${r.name}, ${monthName(m)}`}
                      aria-invalid={bad || undefined}
                      data-cell={`${row}-${col}`}
                      data-testid={`plan-cell-${row}-${m}`}
                      onChange={(e) => type(row, col, e.currentTarget.value)}
                      onBlur={() => parseNumber(drafts[key] ?? '') !== null && setDraft(key, null)}
                      onFocus={(e) => e.currentTarget.select()}
                      onPaste={onPaste(row, col)}
                      onKeyDown={onKeyDown(row, col)}
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('plans.total')}</Table.Th>
            {months.map((m) => (
              <Table.Th key={m} data-testid={`plans-total-${m}`}>
                {shown(columnTotal(values, rows, m, metric), i18n.language)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
