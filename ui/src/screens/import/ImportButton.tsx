import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../api/types';
import { useRights } from '../../shell/currentUser';
import { ImportWizard } from './ImportWizard';

/** "Import from Excel" on a list, for a role the store lets import; it opens the wizard. */
export function ImportButton({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const mayImport = useRights()?.import ?? false;
  if (!mayImport) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} data-testid={`import-${kind}`}>
        {t('import.button')}
      </Button>
      <ImportWizard kind={kind} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
