import { ActionIcon, Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/call';
import { useStages } from '../../../api/dictionaries';
import { notifyError } from '../../../api/errors';
import { useReorderStages, useUnarchiveStage } from '../../../api/setup';
import type { Pipeline, Stage } from '../../../api/types';
import { ConflictAlert } from '../../../components/ConflictAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { QueryError } from '../../../components/QueryError';
import { SortableRows } from '../SortableRows';
import { ArchiveStageDialog } from './ArchiveStageDialog';
import { StageDialog } from './StageDialog';

const KIND_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

/** A pipeline's stages in order, dragged into a new one; each edited or archived on its own. */
export function StagesEditor({ pipeline, editable }: { pipeline: Pipeline; editable: boolean }) {
  const { t } = useTranslation();
  const stages = useStages(pipeline.id);
  const reorder = useReorderStages();
  const unarchive = useUnarchiveStage();
  const [editing, setEditing] = useState<Stage | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Stage | null>(null);
  const [conflict, setConflict] = useState(false);
  const fail = (e: unknown) => (isApiError(e, 'conflict') ? setConflict(true) : notifyError(t, e));

  if (stages.isPending) return <ListSkeleton rows={4} />;
  if (stages.isError) return <QueryError error={stages.error} retry={() => void stages.refetch()} />;
  const list = stages.data;

  return (
    <Stack gap="xs" data-testid="stages-editor">
      <Group justify="space-between">
        <Title order={4}>{t('setup.stages')}</Title>
        {editable && (
          <Button variant="light" onClick={() => setEditing('new')} data-testid="stage-add">
            {t('setup.addStage')}
          </Button>
        )}
      </Group>
      {conflict && <ConflictAlert onReload={() => setConflict(false)} />}
      {list.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('setup.noStages')}
        </Text>
      )}
      <SortableRows
        items={list}
        disabled={!editable || reorder.isPending}
        onReorder={(order) =>
          reorder.mutate(
            { pipelineId: pipeline.id, order: order.map((s) => ({ id: s.id, version: s.version })) },
            { onError: fail },
          )
        }
        testId="stage-list"
      >
        {(s) => (
          <Group justify="space-between" wrap="nowrap" data-testid={`stage-row-${s.name}`}>
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Text fw={500} truncate c={s.archived ? 'dimmed' : undefined}>
                {s.name}
              </Text>
              <Badge variant="light" color={KIND_COLOR[s.kind]}>
                {t(`stageKind.${s.kind}`)}
              </Badge>
              <Badge variant="outline" color="gray">
                {s.win_probability}%
              </Badge>
              {s.required_fields.map((f) => (
                <Badge key={f} variant="dot" color="gray" size="sm">
                  {t(`dealField.${f}`)}
                </Badge>
              ))}
              {s.archived && <Badge color="gray">{t('setup.archived')}</Badge>}
            </Group>
            {editable && (
              <Group gap={4} wrap="nowrap">
                <Tooltip label={t('setup.editStage')}>
                  <ActionIcon variant="subtle" aria-label={t('setup.editStage')} onClick={() => setEditing(s)} data-testid="stage-edit">
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                {s.archived ? (
                  <Tooltip label={t('setup.unarchive')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('setup.unarchive')}
                      onClick={() => unarchive.mutate({ id: s.id, version: s.version }, { onError: fail })}
                    >
                      <IconArchiveOff size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                ) : (
                  <Tooltip label={t('setup.archive')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('setup.archive')}
                      onClick={() => setArchiving(s)}
                      data-testid="stage-archive"
                    >
                      <IconArchive size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            )}
          </Group>
        )}
      </SortableRows>
      <StageDialog pipeline={pipeline} stages={list} stage={editing} onClose={() => setEditing(null)} />
      <ArchiveStageDialog stage={archiving} onClose={() => setArchiving(null)} />
    </Stack>
  );
}
