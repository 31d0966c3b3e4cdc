import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateDatabaseFile,
  useOpenDatabaseFile,
  useRetryStart,
  useWorkLocally,
} from '../../api/app';
import { ApiError } from '../../api/call';
import { errorText, notifyError } from '../../api/errors';
import type { StartProblem } from '../../api/types';
import { TeamDatabaseForm } from '../settings/TeamDatabaseForm';

/**
 * The database could not be opened at start: why, which one, and the ways out. A team database
 * offers to retry, to work on the local file meanwhile, or to change the connection; a file
 * offers to retry, to open another file or to create a new database.
 */
export function StartProblemScreen({ problem }: { problem: StartProblem }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const retry = useRetryStart();
  const local = useWorkLocally();
  const open = useOpenDatabaseFile();
  const create = useCreateDatabaseFile();
  const onError = (e: unknown) => notifyError(t, e);
  const filter_name = t('startProblem.fileFilter');
  const busy = retry.isPending || local.isPending || open.isPending || create.isPending;
  const team = problem.team;

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={620} data-testid="start-problem">
        <Stack>
          <Title order={2}>{team ? t('startProblem.teamTitle') : t('startProblem.title')}</Title>
          <Alert color="red" data-testid="start-problem-error">
            <Text size="sm">{errorText(t, new ApiError(problem.error))}</Text>
            {/* The server's own words, for whoever sets the connection up. */}
            <Text size="xs" c="dimmed" mt={4}>
              {problem.error.message}
            </Text>
          </Alert>
          <Text size="sm" c="dimmed" data-testid="start-problem-database">
            {t('startProblem.database', { database: problem.database })}
          </Text>
          <Text size="sm">{team ? t('startProblem.teamHint') : t('startProblem.fileHint')}</Text>
          <Group>
            <Button
              loading={retry.isPending}
              disabled={busy && !retry.isPending}
              onClick={() => retry.mutate(undefined, { onError })}
              data-testid="start-retry"
            >
              {t('startProblem.retry')}
            </Button>
            {team ? (
              <>
                <Button
                  variant="default"
                  loading={local.isPending}
                  disabled={busy && !local.isPending}
                  onClick={() => local.mutate(undefined, { onError })}
                  data-testid="start-work-locally"
                >
                  {t('startProblem.workLocally')}
                </Button>
                <Button variant="default" onClick={() => setChanging(true)} data-testid="start-change-connection">
                  {t('startProblem.changeConnection')}
                </Button>
              </>
            ) : (
              <>
                <Button
                  variant="default"
                  loading={open.isPending}
                  disabled={busy && !open.isPending}
                  onClick={() => open.mutate({ title: t('startProblem.openTitle'), filter_name }, { onError })}
                  data-testid="start-open-file"
                >
                  {t('startProblem.openFile')}
                </Button>
                <Button
                  variant="default"
                  loading={create.isPending}
                  disabled={busy && !create.isPending}
                  onClick={() => create.mutate({ title: t('startProblem.createTitle'), filter_name }, { onError })}
                  data-testid="start-create-file"
                >
                  {t('startProblem.createFile')}
                </Button>
              </>
            )}
          </Group>
          {team && changing && <TeamDatabaseForm team={team} offerLocal={false} />}
        </Stack>
      </Paper>
    </Center>
  );
}
