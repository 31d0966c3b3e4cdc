import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../api/errors';
import { useGiveLogin, useResetPassword, useSetUserActive } from '../../api/team';
import type { ConnectionCard, TeamMember } from '../../api/types';

/**
 * What may be done about one teammate: deactivate or reactivate, and in a team database give a
 * login or reset the password (each of which shows a new card); hand their clients over.
 */
export function MemberActions({
  member,
  manages,
  logins,
  onCard,
  onHandover,
}: {
  member: TeamMember;
  /** The signed-in user manages this teammate (their role, login and being active). */
  manages: boolean;
  /** The database gives logins (a team database, not a local file). */
  logins: boolean;
  onCard: (card: ConnectionCard, name: string) => void;
  /** Opens the handover of this teammate's clients; absent when the rights do not allow it. */
  onHandover?: () => void;
}) {
  const { t } = useTranslation();
  const setActive = useSetUserActive();
  const giveLogin = useGiveLogin();
  const reset = useResetPassword();
  const { user } = member;
  const showCard = (card: ConnectionCard) => onCard(card, user.name);
  const onError = (e: unknown) => notifyError(t, e);
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {onHandover && (
        <Button size="xs" variant="light" onClick={onHandover} data-testid="member-handover">
          {t('handover.action')}
        </Button>
      )}
      {manages && logins && user.active && member.login == null && (
        <Button
          size="xs"
          variant="light"
          loading={giveLogin.isPending}
          onClick={() => giveLogin.mutate(user.id, { onSuccess: showCard, onError })}
          data-testid="give-login"
        >
          {t('team.giveLogin')}
        </Button>
      )}
      {manages && logins && user.active && member.login != null && (
        <Button
          size="xs"
          variant="light"
          loading={reset.isPending}
          onClick={() => reset.mutate(user.id, { onSuccess: showCard, onError })}
          data-testid="reset-password"
        >
          {t('team.resetPassword')}
        </Button>
      )}
      {manages && (
        <Button
          size="xs"
          variant="default"
          color={user.active ? 'red' : undefined}
          loading={setActive.isPending}
          onClick={() => setActive.mutate({ userId: user.id, version: user.version, active: !user.active }, { onError })}
          data-testid={user.active ? 'deactivate' : 'reactivate'}
        >
          {user.active ? t('team.deactivate') : t('team.reactivate')}
        </Button>
      )}
    </Group>
  );
}
