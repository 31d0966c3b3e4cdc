import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeamMembers } from '../../api/team';
import type { ConnectionCard, HandoverScope } from '../../api/types';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { useAppInfoContext } from '../../shell/currentUser';
import { AddTeammateDialog } from './AddTeammateDialog';
import { ConnectionCardModal } from './ConnectionCardModal';
import { HandoverDialog } from './HandoverDialog';
import { TeamTable } from './TeamTable';

/** The Team screen: the admin manages everyone, the head their managers. */
export function TeamScreen() {
  const { t } = useTranslation();
  const info = useAppInfoContext();
  const members = useTeamMembers();
  const [adding, setAdding] = useState(false);
  const [card, setCard] = useState<{ card: ConnectionCard; name: string } | null>(null);
  const [handingOver, setHandingOver] = useState<HandoverScope | null>(null);
  const rights = info?.rights;
  if (!info || !rights?.manage_users) {
    return <Alert color="gray">{t('team.notAllowed')}</Alert>;
  }
  // A local file has one person working in it: users, but no logins to hand over.
  const logins = info.backend === 'postgres';
  return (
    <Stack gap="md" data-testid="team-screen">
      <Group justify="space-between">
        <Title order={2}>{t('team.title')}</Title>
        {rights.roles_to_give.length > 0 && (
          <Button onClick={() => setAdding(true)} data-testid="add-teammate">
            {t('team.add')}
          </Button>
        )}
      </Group>
      {!logins && (
        <Text size="sm" c="dimmed" data-testid="team-local-hint">
          {t('team.localHint')}
        </Text>
      )}
      {members.isPending && <ListSkeleton rows={4} />}
      {members.isError && <QueryError error={members.error} retry={() => void members.refetch()} />}
      {members.data && (
        <TeamTable
          members={members.data}
          rights={rights}
          me={info.user?.id ?? null}
          logins={logins}
          onCard={(c, name) => setCard({ card: c, name })}
          onHandover={(u) => setHandingOver({ kind: 'manager', user_id: u.id })}
        />
      )}
      <AddTeammateDialog
        opened={adding}
        onClose={() => setAdding(false)}
        roles={rights.roles_to_give}
        onAdded={(added) => {
          setAdding(false);
          if (added.card) setCard({ card: added.card, name: added.user.name });
        }}
      />
      <ConnectionCardModal card={card?.card ?? null} name={card?.name ?? ''} onClose={() => setCard(null)} />
      <HandoverDialog scope={handingOver} onClose={() => setHandingOver(null)} />
    </Stack>
  );
}
