import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useMoveToTeam } from '../../api/team';
import { useFormErrors } from '../../api/useFormErrors';
import { SERVER_ALIASES, SERVER_DEFAULTS, serverOf, TeamServerFields, type ServerValues } from './TeamServerFields';

/**
 * Settings → "Move my local data to a team database": everything in the open file is copied into
 * a new, empty team database on the server, checked against the file, and Voronka switches to it
 * as the admin's own new login. The file itself stays as it was.
 */
export function MoveToTeamDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('moveTeam.title')} size="lg">
      {opened && <MoveToTeamForm onDone={onClose} />}
    </Modal>
  );
}

function MoveToTeamForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const move = useMoveToTeam();
  const form = useForm<ServerValues>({ initialValues: SERVER_DEFAULTS });
  const onError = useFormErrors(form, SERVER_ALIASES);
  const submit = form.onSubmit((v) =>
    move.mutate(
      { server: serverOf(v), password: v.password },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('moveTeam.moved') });
          onDone();
        },
        onError,
      },
    ),
  );
  return (
    <form onSubmit={submit} data-testid="move-team-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('moveTeam.intro')}
        </Text>
        <TeamServerFields form={form} prefix="move-team" />
        <Alert color="yellow" variant="light">
          {t('moveTeam.empty')}
        </Alert>
        <Group justify="flex-end">
          <Button type="submit" loading={move.isPending} data-testid="move-team-submit">
            {t('moveTeam.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
