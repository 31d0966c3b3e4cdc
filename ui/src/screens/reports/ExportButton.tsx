import { Button, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { chooseExportPath, openExport, useExportReport } from '../../api/reports';
import type { ReportFilter, ReportName } from '../../api/types';
import { errorText } from '../../api/errors';

/** "funnel_2026-03-01_2026-03-31.xlsx": the report and its period, nothing a file system refuses. */
export function exportFileName(name: ReportName, filter: ReportFilter): string {
  return `${name}_${filter.from}_${filter.to}.xlsx`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Saves the report as an Excel workbook where the head chooses, then offers to open it. */
export function ExportButton({ name, filter }: { name: ReportName; filter: ReportFilter }) {
  const { t, i18n } = useTranslation();
  // Rows written so far by a long export; null until the first thousand.
  const [written, setWritten] = useState<number | null>(null);
  const exporting = useExportReport((p) => setWritten(p.rows));

  const run = async () => {
    let path: string | null;
    try {
      path = await chooseExportPath(t('reports.export'), exportFileName(name, filter), t('reports.excel'));
    } catch (e) {
      notifications.show({ color: 'red', title: t('reports.exportFailed'), message: errorText(t, e) });
      return;
    }
    // Cancelled in the dialog.
    if (!path) return;
    setWritten(null);
    exporting.mutate(
      { name, filter, path },
      {
        onSuccess: (done) =>
          notifications.show({
            color: 'teal',
            autoClose: 10_000,
            message: (
              <Group justify="space-between" wrap="nowrap" data-testid="export-done">
                <Text size="sm">{t('reports.exported', { rows: done.rows })}</Text>
                <Button size="compact-sm" variant="light" onClick={() => void openExport(done.path)} data-testid="export-open">
                  {t('reports.openFile')}
                </Button>
              </Group>
            ),
          }),
        onError: (e) =>
          notifications.show({ color: 'red', title: t('reports.exportFailed'), message: errorText(t, e) }),
      },
    );
  };

  return (
    <Button
      variant="default"
      onClick={() => void run()}
      // Not Mantine's `loading`, which hides the label: the label is where the rows written
      // so far are counted.
      disabled={exporting.isPending}
      leftSection={exporting.isPending ? <Loader size="xs" type="dots" /> : undefined}
      data-testid="report-export"
    >
      {!exporting.isPending
        ? t('reports.export')
        : written === null
          ? t('reports.exporting')
          : t('reports.exportingRows', { rows: written.toLocaleString(i18n.language) })}
    </Button>
  );
}
