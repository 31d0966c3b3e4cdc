import { Badge, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../api/errors';
import { useChangeRole } from '../../api/team';
import type { ConnectionCard, Id, Rights, Role, TeamMember, User } from '../../api/types';
import { MemberActions } from './MemberActions';

/**
 * Everyone in the database. A row the signed-in user may manage (the admin anyone, the head
 * managers; never themself) has its role choice and actions; the others are read only.
 */
export function TeamTable({
  members,
  rights,
  me,
  logins,
  onCard,
  onHandover,
}: {
  members: TeamMember[];
  rights: Rights;
  me: Id | null;
  logins: boolean;
  onCard: (card: ConnectionCard, name: string) => void;
  onHandover: (user: User) => void;
}) {
  const { t } = useTranslation();
  const changeRole = useChangeRole();
  const manages = (m: TeamMember) => m.user.id !== me && rights.roles_to_give.includes(m.user.role);
  // The head gives only one role: there is nothing to choose between.
  const choosesRole = (m: TeamMember) => manages(m) && rights.roles_to_give.length > 1;
  // Clients are held by managers and heads: theirs may be handed over, never one's own.
  const handsOver = (m: TeamMember) => rights.regulations && m.user.id !== me && m.user.role !== 'admin';
  return (
    <Table striped highlightOnHover data-testid="team-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('team.name')}</Table.Th>
          <Table.Th>{t('team.email')}</Table.Th>
          <Table.Th>{t('team.phone')}</Table.Th>
          <Table.Th>{t('team.role')}</Table.Th>
          <Table.Th>{t('team.status')}</Table.Th>
          {logins && <Table.Th>{t('team.login')}</Table.Th>}
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((m) => (
          <Table.Tr key={m.user.id} data-testid="team-row">
            <Table.Td>{m.user.name}</Table.Td>
            <Table.Td>{m.user.email ?? '—'}</Table.Td>
            <Table.Td>{m.user.phone ?? '—'}</Table.Td>
            <Table.Td>
              {choosesRole(m) ? (
                <Select
                  size="xs"
                  w={160}
                  aria-label={t('team.role')}
                  data={rights.roles_to_give.map((r) => ({ value: r, label: t(`team.roles.${r}`) }))}
                  value={m.user.role}
                  allowDeselect={false}
                  onChange={(role) =>
                    role &&
                    role !== m.user.role &&
                    changeRole.mutate(
                      { userId: m.user.id, version: m.user.version, role: role as Role },
                      { onError: (e) => notifyError(t, e) },
                    )
                  }
                  data-testid="member-role"
                />
              ) : (
                t(`team.roles.${m.user.role}`)
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={m.user.active ? 'teal' : 'gray'} variant="light">
                {m.user.active ? t('team.active') : t('team.inactive')}
              </Badge>
            </Table.Td>
            {logins && (
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {m.login ?? '—'}
                </Text>
                {m.login != null && m.must_change_password && (
                  <Text size="xs" c="dimmed">
                    {t('team.cardNotUsed')}
                  </Text>
                )}
              </Table.Td>
            )}
            <Table.Td>
              {(manages(m) || handsOver(m)) && (
                <MemberActions
                  member={m}
                  manages={manages(m)}
                  logins={logins}
                  onCard={onCard}
                  onHandover={handsOver(m) ? () => onHandover(m.user) : undefined}
                />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
