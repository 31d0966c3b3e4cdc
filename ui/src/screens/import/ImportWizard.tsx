import { Alert, Button, Group, Loader, Modal, Stack, Stepper } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/call';
import { errorText } from '../../api/errors';
import { cancelImport, previewImport, runImport } from '../../api/imports';
import { useInvalidate } from '../../api/invalidate';
import type { DuplicatePolicy, ImportField, ImportInspection, ImportKind, ImportProgress } from '../../api/types';
import { useRights } from '../../shell/currentUser';
import { FileStep } from './FileStep';
import { choicesOf, type OwnerChoice } from './importChoices';
import { MappingStep } from './MappingStep';
import { OptionsStep } from './OptionsStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';
import { RunStep } from './RunStep';

/** The store's answer to a cancelled import. */
function isCancel(e: unknown): boolean {
  return isApiError(e, 'invalid_state') && e.field === 'import';
}

const STEPS = ['file', 'mapping', 'options', 'preview', 'run'] as const;
type Step = (typeof STEPS)[number];

/** The import wizard in a dialog, opened on a list; it starts afresh each time. */
export function ImportWizard({ kind, opened, onClose }: { kind: ImportKind; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t(`import.title.${kind}`)} size="xl" data-testid="import-wizard">
      {opened && <Wizard kind={kind} onClose={onClose} />}
    </Modal>
  );
}

function Wizard({ kind, onClose }: { kind: ImportKind; onClose: () => void }) {
  const { t } = useTranslation();
  const forOthers = useRights()?.import_for_others ?? false;
  const invalidate = useInvalidate();
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<{ path: string; inspection: ImportInspection } | null>(null);
  const [columns, setColumns] = useState<(ImportField | null)[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const [owner, setOwner] = useState<OwnerChoice>({ mode: 'column' });
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const choices = choicesOf(kind, columns, duplicates, owner, forOthers);

  const preview = useMutation({ mutationFn: () => previewImport(file?.path ?? '', choices) });
  const run = useMutation({
    mutationFn: () => runImport(file?.path ?? '', choices, setProgress),
    // An import makes companies, contacts and deals at once.
    onSuccess: () => Promise.all([invalidate('company'), invalidate('contact'), invalidate('deal')]),
    // A cancelled import wrote nothing: back to the preview, to change something or start again.
    onError: (e) => {
      if (isCancel(e)) setStep('preview');
    },
  });
  const cancel = useMutation({ mutationFn: cancelImport });
  const cancelled = isCancel(run.error);

  const toPreview = () => {
    setStep('preview');
    preview.mutate();
  };
  const start = () => {
    setProgress(null);
    cancel.reset();
    setStep('run');
    run.mutate();
  };
  const sharesWithNobody = forOthers && owner.mode === 'share' && owner.users.length === 0;

  return (
    <Stack>
      <Stepper active={STEPS.indexOf(step)} size="sm">
        {STEPS.map((s) => (
          <Stepper.Step key={s} label={t(`import.steps.${s}`)} />
        ))}
      </Stepper>
      {step === 'file' && (
        <FileStep
          kind={kind}
          onRead={(path, inspection) => {
            setFile({ path, inspection });
            setColumns(inspection.mapping.columns.map((c) => c.field));
            setStep('mapping');
          }}
        />
      )}
      {step === 'mapping' && file && <MappingStep inspection={file.inspection} columns={columns} onChange={setColumns} />}
      {step === 'options' && file && (
        <OptionsStep
          header={file.inspection.file.header}
          columns={columns}
          onColumns={setColumns}
          duplicates={duplicates}
          onDuplicates={setDuplicates}
          owner={owner}
          onOwner={setOwner}
          forOthers={forOthers}
        />
      )}
      {step === 'preview' && preview.isPending && <Loader data-testid="import-previewing" />}
      {step === 'preview' && preview.isError && (
        <Alert color="red" title={t('import.failed')} data-testid="import-error">
          {errorText(t, preview.error)}
        </Alert>
      )}
      {step === 'preview' && cancelled && (
        <Alert color="orange" data-testid="import-cancelled">
          {t('import.cancelled')}
        </Alert>
      )}
      {step === 'preview' && preview.data && <PreviewStep report={preview.data} />}
      {step === 'run' && run.isPending && (
        <RunStep
          progress={progress}
          total={preview.data?.totals.rows ?? 0}
          cancelling={cancel.isPending || cancel.isSuccess}
          onCancel={() => cancel.mutate()}
        />
      )}
      {step === 'run' && run.isError && !cancelled && (
        <Alert color="red" title={t('import.failed')} data-testid="import-error">
          {errorText(t, run.error)}
        </Alert>
      )}
      {step === 'run' && run.data && file && <ResultStep report={run.data} path={file.path} />}
      <Group justify="space-between">
        {step === 'mapping' || step === 'options' || step === 'preview' ? (
          <Button variant="default" onClick={() => setStep(step === 'preview' ? 'options' : step === 'options' ? 'mapping' : 'file')} data-testid="import-back">
            {t('import.back')}
          </Button>
        ) : (
          <span />
        )}
        {step === 'mapping' && file && (
          <Button onClick={() => setStep('options')} disabled={!columns.includes(file.inspection.required)} data-testid="import-next">
            {t('import.next')}
          </Button>
        )}
        {step === 'options' && (
          <Button onClick={toPreview} disabled={sharesWithNobody} data-testid="import-next">
            {t('import.toPreview')}
          </Button>
        )}
        {step === 'preview' && preview.data && (
          <Button onClick={start} disabled={preview.data.totals.rows === preview.data.totals.refused} data-testid="import-start">
            {t('import.start', { count: preview.data.totals.rows - preview.data.totals.refused })}
          </Button>
        )}
        {step === 'run' && !run.isPending && (
          <Button onClick={onClose} data-testid="import-close">
            {t('import.close')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
