import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/call';
import { usePipelines } from '../../../api/dictionaries';
import { notifyError } from '../../../api/errors';
import { useCreatePipeline, useSetPipelineArchived, useUpdatePipeline } from '../../../api/setup';
import type { Id, Pipeline } from '../../../api/types';
import { ConflictAlert } from '../../../components/ConflictAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { QueryError } from '../../../components/QueryError';
import { useAppInfoContext } from '../../../shell/currentUser';
import { StagesEditor } from './StagesEditor';

/**
 * Settings → Pipelines: the department's pipelines and their stages. Everyone reads them; the
 * admin adds, renames, archives, and edits the stages (order, kind, probability, required
 * fields).
 */
export function PipelinesSettings() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const editable = useAppInfoContext()?.rights?.setup ?? false;
  const [chosen, setChosen] = useState<Id | null>(null);
  const create = useCreatePipeline();
  const [name, setName] = useState('');

  if (pipelines.isPending) return <ListSkeleton rows={4} />;
  if (pipelines.isError) return <QueryError error={pipelines.error} retry={() => void pipelines.refetch()} />;
  const list = pipelines.data;
  const current = list.find((p) => p.id === chosen) ?? list.find((p) => !p.archived) ?? list[0] ?? null;

  const add = () =>
    create.mutate(
      { name, position: list.length, is_default: null },
      {
        onSuccess: (p) => {
          setName('');
          setChosen(p.id);
        },
        onError: (e) => notifyError(t, e),
      },
    );

  return (
    <Stack gap="md" maw={900} data-testid="pipelines-settings">
      {!editable && (
        <Text size="sm" c="dimmed">
          {t('setup.readOnly')}
        </Text>
      )}
      <Group align="flex-end">
        <Select
          label={t('setup.pipeline')}
          data={list.map((p) => ({ value: p.id, label: p.archived ? `${p.name} (${t('setup.archived')})` : p.name }))}
          value={current?.id ?? null}
          onChange={(v) => v && setChosen(v)}
          allowDeselect={false}
          data-testid="setup-pipeline-select"
        />
        {editable && (
          <>
            <TextInput
              label={t('setup.newPipeline')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="new-pipeline-name"
            />
            <Button onClick={add} loading={create.isPending} disabled={!name.trim()} data-testid="new-pipeline-add">
              {t('setup.addPipeline')}
            </Button>
          </>
        )}
      </Group>
      {current && <PipelineEditor key={current.id} pipeline={current} editable={editable} />}
    </Stack>
  );
}

function PipelineEditor({ pipeline, editable }: { pipeline: Pipeline; editable: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState(pipeline.name);
  const [conflict, setConflict] = useState(false);
  const update = useUpdatePipeline();
  const archive = useSetPipelineArchived();
  const fail = (e: unknown) => (isApiError(e, 'conflict') ? setConflict(true) : notifyError(t, e));
  const rename = () =>
    update.mutate(
      {
        id: pipeline.id,
        version: pipeline.version,
        input: { name, position: pipeline.position, is_default: pipeline.is_default },
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('setup.saved') }), onError: fail },
    );
  const setArchived = (archived: boolean) =>
    archive.mutate({ id: pipeline.id, version: pipeline.version, archived }, { onError: fail });
  return (
    <Stack gap="sm">
      {conflict && <ConflictAlert onReload={() => setConflict(false)} />}
      <Group align="flex-end">
        <TextInput
          label={t('setup.pipelineName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          disabled={!editable}
          data-testid="pipeline-name"
        />
        {editable && (
          <Button variant="light" onClick={rename} disabled={name === pipeline.name} loading={update.isPending}>
            {t('common.save')}
          </Button>
        )}
        {pipeline.archived && <Badge color="gray">{t('setup.archived')}</Badge>}
        {editable && (
          <Button
            variant="subtle"
            color={pipeline.archived ? undefined : 'red'}
            onClick={() => setArchived(!pipeline.archived)}
            loading={archive.isPending}
            data-testid="pipeline-archive"
          >
            {pipeline.archived ? t('setup.unarchive') : t('setup.archive')}
          </Button>
        )}
      </Group>
      <StagesEditor pipeline={pipeline} editable={editable} />
    </Stack>
  );
}
