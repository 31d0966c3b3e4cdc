import { Button, Group, Loader, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { chooseExportPath, openExport } from '../api/reports';
import type { ExportedReport, ExportProgress } from '../api/types';
import { errorText } from '../api/errors';

/**
 * Saves a workbook where the person chooses (the shell's save dialog), writes it with
 * `exportTo`, counting the rows on the button while it runs, then offers to open the file.
 * Reports and lists export through it alike.
 */
export function ExcelExportButton({ fileName, exportTo, testId }: {
  fileName: string;
  exportTo: (path: string, onProgress: (p: ExportProgress) => void) => Promise<ExportedReport>;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  // Rows written so far by a long export; null until the first thousand.
  const [written, setWritten] = useState<number | null>(null);
  const exporting = useMutation({ mutationFn: (path: string) => exportTo(path, (p) => setWritten(p.rows)) });

  const run = async () => {
    let path: string | null;
    try {
      path = await chooseExportPath(t('reports.export'), fileName, t('reports.excel'));
    } catch (e) {
      notifications.show({ color: 'red', title: t('reports.exportFailed'), message: errorText(t, e) });
      return;
    }
    // Cancelled in the dialog.
    if (!path) return;
    setWritten(null);
    exporting.mutate(path, {
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
      onError: (e) => notifications.show({ color: 'red', title: t('reports.exportFailed'), message: errorText(t, e) }),
    });
  };

  return (
    <Button
      variant="default"
      onClick={() => void run()}
      // Not Mantine's `loading`, which hides the label: the label is where the rows written
      // so far are counted.
      disabled={exporting.isPending}
      leftSection={exporting.isPending ? <Loader size="xs" type="dots" /> : undefined}
      data-testid={testId}
    >
      {!exporting.isPending
        ? t('reports.export')
        : written === null
          ? t('reports.exporting')
          : t('reports.exportingRows', { rows: written.toLocaleString(i18n.language) })}
    </Button>
  );
}
