import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { chooseImportFile, inspectImport } from '../../api/imports';
import type { ImportInspection, ImportKind } from '../../api/types';

/** Picks the file in the shell's open dialog and reads its header and first rows. */
export function FileStep({ kind, onRead }: { kind: ImportKind; onRead: (path: string, inspection: ImportInspection) => void }) {
  const { t } = useTranslation();
  const reading = useMutation({
    mutationFn: async () => {
      const path = await chooseImportFile(t('import.dialogTitle'), t('import.filterName'));
      // Cancelled in the dialog.
      if (!path) return null;
      return { path, inspection: await inspectImport(path, kind) };
    },
    onSuccess: (read) => read && onRead(read.path, read.inspection),
  });
  return (
    <Stack>
      <Text size="sm">{t('import.fileHint')}</Text>
      {reading.isError && (
        <Alert color="red" title={t('import.unreadable')} data-testid="import-file-error">
          {errorText(t, reading.error)}
        </Alert>
      )}
      <Button onClick={() => reading.mutate()} loading={reading.isPending} data-testid="import-choose-file">
        {t('import.chooseFile')}
      </Button>
    </Stack>
  );
}
