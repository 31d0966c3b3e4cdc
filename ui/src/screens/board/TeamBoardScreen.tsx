import { Group, ScrollArea, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeamBoard } from '../../api/tasks';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { useTaskDialogs } from '../../tasks/useTaskDialogs';
import { ManagerColumn } from './ManagerColumn';

/**
 * The head's view of the team's day: every active manager side by side, refreshed by the
 * app's change events like any other list.
 */
export function TeamBoardScreen() {
  const { t } = useTranslation();
  const board = useTeamBoard();
  const { onComplete, onEdit, dialogs } = useTaskDialogs();
  return (
    <Stack gap="md" data-testid="board-screen">
      <Title order={2}>{t('board.title')}</Title>
      {board.isPending && <ListSkeleton rows={6} />}
      {board.isError && <QueryError error={board.error} retry={() => void board.refetch()} />}
      {board.data?.length === 0 && <EmptyState title={t('board.empty')} testId="board-empty" />}
      {board.data && board.data.length > 0 && (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
            {board.data.map((day) => (
              <ManagerColumn key={day.user.id} day={day} onComplete={onComplete} onEdit={onEdit} />
            ))}
          </Group>
        </ScrollArea>
      )}
      {dialogs}
    </Stack>
  );
}
