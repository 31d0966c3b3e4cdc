import { exportReport } from '../../api/reports';
import type { ReportFilter, ReportName } from '../../api/types';
import { ExcelExportButton } from '../../components/ExcelExportButton';

/** "funnel_2026-03-01_2026-03-31.xlsx": the report and its period, nothing a file system refuses. */
export function exportFileName(name: ReportName, filter: ReportFilter): string {
  return `${name}_${filter.from}_${filter.to}.xlsx`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Saves the report as an Excel workbook where the head chooses, then offers to open it. */
export function ExportButton({ name, filter }: { name: ReportName; filter: ReportFilter }) {
  return (
    <ExcelExportButton
      fileName={exportFileName(name, filter)}
      exportTo={(path, onProgress) => exportReport(name, filter, path, onProgress)}
      testId="report-export"
    />
  );
}
