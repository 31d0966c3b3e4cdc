import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { saveRefused } from '../../api/imports';
import { chooseExportPath, openExport } from '../../api/reports';
import type { ImportReport } from '../../api/types';
import { fileStem } from './importChoices';
import { Totals } from './Totals';

/** What the import did, and the refused rows saved as a workbook to fix and import again. */
export function ResultStep({ report, path }: { report: ImportReport; path: string }) {
  const { t } = useTranslation();
  const { totals } = report;
  const save = async () => {
    try {
      const target = await chooseExportPath(t('import.saveRefused'), `${fileStem(path)}_refused.xlsx`, t('reports.excel'));
      if (!target) return;
      await saveRefused(target, report.header, { row: t('import.row'), reason: t('import.reason') }, report.refused);
      notifications.show({
        color: 'teal',
        message: (
          <Group justify="space-between" wrap="nowrap" data-testid="import-refused-saved">
            <Text size="sm">{t('import.refusedSaved', { count: report.refused.length })}</Text>
            <Button size="compact-sm" variant="light" onClick={() => void openExport(target)}>
              {t('reports.openFile')}
            </Button>
          </Group>
        ),
      });
    } catch (e) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, e) });
    }
  };
  return (
    <Stack data-testid="import-result">
      <Alert color={totals.refused > 0 ? 'orange' : 'teal'} title={t('import.done')}>
        {t('import.made', { companies: totals.companies_made, contacts: totals.contacts_made, deals: totals.deals_made })}
      </Alert>
      <Totals totals={totals} />
      {report.refused.length > 0 && (
        <Group>
          <Button variant="light" onClick={() => void save()} data-testid="import-save-refused">
            {t('import.saveRefusedButton')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
