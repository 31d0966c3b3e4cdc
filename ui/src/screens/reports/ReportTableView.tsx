import { Anchor, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cell, ReportTable } from '../../api/types';
import { alignRight, cellText } from './cellText';

/**
 * The report's own summary rows come named in English ("Team", "Total"); people's names never
 * equal these, so the first cell of a row is translated when it is one of them.
 */
function firstCellText(cell: Cell, lang: string, t: TFunction): string {
  if (cell.kind === 'text' && cell.value === 'Team') return t('reports.team');
  if (cell.kind === 'text' && cell.value === 'Total') return t('reports.total');
  return cellText(cell, lang);
}

/**
 * Any report table: headings by the column keys, values by their kind, the totals row last.
 * `link` names the page behind a cell (its deals, its company) when the report's data has one.
 */
export function ReportTableView({ table, link, notes = [] }: {
  table: ReportTable;
  link?: (row: number, column: string) => string | null;
  notes?: string[];
}) {
  const { t, i18n } = useTranslation();
  const show = (cell: Cell, i: number) => (i === 0 ? firstCellText(cell, i18n.language, t) : cellText(cell, i18n.language));
  return (
    <div data-testid={`report-table-${table.key}`}>
      <Title order={4} mb={notes.length ? 0 : 'xs'}>
        {t(`reports.tables.${table.key}`, { defaultValue: table.title })}
      </Title>
      {notes.map((note) => (
        <Text key={note} c="dimmed" size="sm" mb="xs" data-testid="report-table-note">
          {note}
        </Text>
      ))}
      {table.rows.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="report-table-empty">
          {t('reports.noRows')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c) => (
                  <Table.Th key={c.key} ta={c.kind === 'text' || c.kind === 'date' ? 'left' : 'right'}>
                    {t(`reports.columns.${c.key}`, { defaultValue: c.title })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, r) => (
                <Table.Tr key={r} data-testid="report-row">
                  {row.map((cell, i) => {
                    const column = table.columns[i]?.key ?? '';
                    const to = cell.kind === 'empty' ? null : (link?.(r, column) ?? null);
                    return (
                      <Table.Td key={column || i} ta={alignRight(cell) ? 'right' : 'left'} data-col={column}>
                        {to ? (
                          <Anchor component={Link} to={to} data-testid="report-link">
                            {show(cell, i)}
                          </Anchor>
                        ) : (
                          show(cell, i)
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {table.totals && (
              <Table.Tfoot>
                <Table.Tr data-testid="report-totals" fw={700}>
                  {table.totals.map((cell, i) => (
                    <Table.Td key={table.columns[i]?.key ?? i} ta={alignRight(cell) ? 'right' : 'left'} data-col={table.columns[i]?.key}>
                      {show(cell, i)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}
