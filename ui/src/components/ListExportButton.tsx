import { exportList } from '../api/lists';
import type { ListColumn, ListQuery, ShownFilter } from '../api/types';
import { ExcelExportButton } from './ExcelExportButton';

/** A list's columns as its table shows them: keys the store knows, headings as read here. */
export function shownColumns(columns: { key: string; label: string }[]): ListColumn[] {
  // Controls (a row's checkbox) are not data: they have no label.
  return columns.filter((c) => c.label).map((c) => ({ key: c.key, title: c.label }));
}

/**
 * The list as its screen shows it (filter, order, columns) into an Excel workbook; a manager's
 * holds her own records (the store decides).
 */
export function ListExportButton({ query, columns, title, filters = [] }: {
  query: ListQuery;
  columns: ListColumn[];
  title: string;
  filters?: ShownFilter[];
}) {
  const day = new Date().toISOString().slice(0, 10);
  return (
    <ExcelExportButton
      fileName={`${query.list}_${day}.xlsx`}
      exportTo={(path, onProgress) => exportList({ query, columns, title, filters }, path, onProgress)}
      testId={`export-${query.list}`}
    />
  );
}
