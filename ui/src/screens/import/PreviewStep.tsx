import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport, RowStatus } from '../../api/types';
import { RowNotes } from './RowNotes';
import { Totals } from './Totals';

const STATUS_COLOR: Record<RowStatus, string> = { new: 'teal', updated: 'blue', skipped: 'gray', refused: 'red' };

/** A dry run's result: the totals, then the first rows with what would become of each and why. */
export function PreviewStep({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const named = report.mapping.columns.map((c, i) => ({ ...c, i })).filter((c) => c.field !== null);
  return (
    <Stack data-testid="import-preview">
      <Totals totals={report.totals} />
      <Text size="sm" c="dimmed">
        {t('import.firstRows', { count: report.preview.length })}
      </Text>
      <Table.ScrollContainer minWidth={600} maxHeight={360}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.row')}</Table.Th>
              {named.map((c) => (
                <Table.Th key={c.i}>{c.column}</Table.Th>
              ))}
              <Table.Th>{t('import.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.preview.map((row) => (
              <Table.Tr key={row.row} data-testid="import-preview-row" data-status={row.status}>
                <Table.Td>{row.row}</Table.Td>
                {named.map((c) => (
                  <Table.Td key={c.i}>{row.cells[c.i]}</Table.Td>
                ))}
                <Table.Td>
                  <Badge color={STATUS_COLOR[row.status]} variant="light">
                    {t(`import.status.${row.status}`)}
                  </Badge>
                  <RowNotes notes={row.notes} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm">{t('import.allOrNothing')}</Text>
    </Stack>
  );
}
