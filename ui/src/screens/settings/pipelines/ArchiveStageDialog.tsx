import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, notifyError } from '../../../api/errors';
import { ApiError } from '../../../api/call';
import { usePipelines } from '../../../api/dictionaries';
import { useArchiveStage } from '../../../api/setup';
import type { Stage } from '../../../api/types';
import { useAllStages } from './useAllStages';

/**
 * Archiving a stage: the deals it holds go to a stage of the same kind the admin picks, in this
 * pipeline or another, with their stage history; the store refuses (on the picker) when a deal
 * lacks what that stage requires.
 */
export function ArchiveStageDialog({ stage, onClose }: { stage: Stage | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!stage} onClose={onClose} title={t('setup.archiveStage')} data-testid="archive-stage-dialog">
      {stage && <ArchiveForm stage={stage} onDone={onClose} />}
    </Modal>
  );
}

function ArchiveForm({ stage, onDone }: { stage: Stage; onDone: () => void }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const stages = useAllStages();
  const archive = useArchiveStage();
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = new Map((pipelines.data ?? []).map((p) => [p.id, p]));
  const targets = stages
    .filter((s) => s.id !== stage.id && !s.archived && s.kind === stage.kind && !names.get(s.pipeline_id)?.archived)
    .map((s) => ({ value: s.id, label: `${names.get(s.pipeline_id)?.name ?? ''} → ${s.name}` }));
  const submit = () =>
    archive.mutate(
      { id: stage.id, version: stage.version, moveTo },
      {
        onSuccess: onDone,
        onError: (e) =>
          e instanceof ApiError && e.field === 'move_to' ? setError(`${errorText(t, e)}: ${e.message}`) : notifyError(t, e),
      },
    );
  return (
    <Stack>
      <Text size="sm">{t('setup.archiveStageText', { name: stage.name })}</Text>
      <Select
        label={t('setup.moveDealsTo')}
        data={targets}
        value={moveTo}
        onChange={setMoveTo}
        clearable
        error={error}
        data-testid="archive-move-to"
      />
      <Group justify="flex-end">
        <Button color="red" onClick={submit} loading={archive.isPending} data-testid="archive-stage-confirm">
          {t('setup.archive')}
        </Button>
      </Group>
    </Stack>
  );
}
