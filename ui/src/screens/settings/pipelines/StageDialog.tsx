import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/call';
import { DEAL_FIELDS, STAGE_KINDS } from '../../../api/choices';
import { useCreateStage, useUpdateStage } from '../../../api/setup';
import type { DealField, Pipeline, Stage, StageKind } from '../../../api/types';
import { useFormErrors } from '../../../api/useFormErrors';
import { ConflictAlert } from '../../../components/ConflictAlert';

interface Values {
  name: string;
  kind: StageKind;
  win_probability: number | string;
  required_fields: DealField[];
}

/** Where a new stage of `kind` goes: an open one before the first won or lost stage, others last. */
export function placeFor(kind: StageKind, stages: Stage[]): number {
  const firstClosed = stages.findIndex((s) => s.kind !== 'open' && !s.archived);
  return kind === 'open' && firstClosed >= 0 ? firstClosed : stages.length;
}

/** A stage's name, kind, default win probability and the deal fields it requires (rule 4). */
export function StageDialog({ pipeline, stages, stage, onClose }: {
  pipeline: Pipeline;
  stages: Stage[];
  stage: Stage | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const title = stage === 'new' ? t('setup.addStage') : t('setup.editStage');
  return (
    <Modal opened={stage !== null} onClose={onClose} title={title} data-testid="stage-dialog">
      {stage !== null && (
        <StageForm pipeline={pipeline} stages={stages} stage={stage === 'new' ? null : stage} onDone={onClose} />
      )}
    </Modal>
  );
}

function StageForm({ pipeline, stages, stage, onDone }: {
  pipeline: Pipeline;
  stages: Stage[];
  stage: Stage | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateStage();
  const update = useUpdateStage();
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      name: stage?.name ?? '',
      kind: stage?.kind ?? 'open',
      win_probability: stage?.win_probability ?? '',
      required_fields: stage?.required_fields ?? [],
    },
  });
  const onError = useFormErrors(form);
  const fail = (e: unknown) => (isApiError(e, 'conflict') ? setConflict(true) : onError(e));
  const submit = form.onSubmit((v) => {
    const input = {
      pipeline_id: pipeline.id,
      name: v.name,
      position: stage ? stage.position : placeFor(v.kind, stages),
      kind: v.kind,
      win_probability: v.win_probability === '' ? null : Number(v.win_probability),
      required_fields: v.required_fields,
    };
    if (stage) update.mutate({ id: stage.id, version: stage.version, input }, { onSuccess: onDone, onError: fail });
    else create.mutate(input, { onSuccess: onDone, onError: fail });
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        {conflict && <ConflictAlert onReload={onDone} />}
        <TextInput label={t('setup.stageName')} data-autofocus data-testid="stage-name" {...form.getInputProps('name')} />
        <Select
          label={t('setup.stageKind')}
          data={STAGE_KINDS.map((k) => ({ value: k, label: t(`stageKind.${k}`) }))}
          allowDeselect={false}
          data-testid="stage-kind"
          {...form.getInputProps('kind')}
        />
        <NumberInput
          label={t('setup.winProbability')}
          description={t('setup.winProbabilityHint')}
          min={0}
          max={100}
          suffix=" %"
          data-testid="stage-probability"
          {...form.getInputProps('win_probability')}
        />
        <MultiSelect
          label={t('setup.requiredFields')}
          description={t('setup.requiredFieldsHint')}
          data={DEAL_FIELDS.map((f) => ({ value: f, label: t(`dealField.${f}`) }))}
          searchable
          clearable
          data-testid="stage-required"
          {...form.getInputProps('required_fields')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="stage-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
