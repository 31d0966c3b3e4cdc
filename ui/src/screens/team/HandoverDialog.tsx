import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveUsers, useUserNames, useUsers } from '../../api/dictionaries';
import { errorText } from '../../api/errors';
import { useHandover, useHandoverPreview } from '../../api/handover';
import type { HandoverOutcome, HandoverScope, Id } from '../../api/types';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { HandoverDone } from './HandoverDone';
import { HandoverPreview } from './HandoverPreview';

/**
 * Rule 7: a manager's clients (or chosen companies) with their contacts, open deals and open
 * tasks go to one receiver or are shared among several, in one step. `exclude` keeps people
 * out of the receivers (a company's owner already holds it).
 */
export function HandoverDialog({ scope, exclude = [], onClose, onDone }: {
  scope: HandoverScope | null;
  exclude?: Id[];
  onClose: () => void;
  /** The records have moved (the dialog stays open on its summary). */
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const names = useUserNames();
  const title =
    scope?.kind === 'manager'
      ? t('handover.titleManager', { name: names.get(scope.user_id) ?? '' })
      : t('handover.titleCompanies', { count: scope?.company_ids.length ?? 0 });
  return (
    <Modal opened={!!scope} onClose={onClose} title={title} size="lg" data-testid="handover-dialog">
      {scope && <HandoverForm scope={scope} exclude={exclude} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function HandoverForm({ scope, exclude, onClose, onDone }: {
  scope: HandoverScope;
  exclude: Id[];
  onClose: () => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const preview = useHandoverPreview(scope);
  const users = useActiveUsers();
  const everyone = useUsers();
  const handover = useHandover();
  const [receivers, setReceivers] = useState<string[]>([]);
  const [deactivate, setDeactivate] = useState(false);
  const [outcome, setOutcome] = useState<HandoverOutcome | null>(null);
  const leaver = scope.kind === 'manager' ? scope.user_id : null;
  const offered = (users.data ?? []).filter((u) => u.id !== leaver && !exclude.includes(u.id));
  // Deactivating belongs to a manager leaving, not to a few companies changing hands, and not
  // to one already gone.
  const deactivates = leaver !== null && everyone.data?.find((u) => u.id === leaver)?.active !== false;

  if (outcome) {
    return (
      <Stack>
        <HandoverDone outcome={outcome} />
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="handover-close">
            {t('handover.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack>
      {preview.isPending && <ListSkeleton rows={4} height={36} />}
      {preview.isError && <QueryError error={preview.error} retry={() => void preview.refetch()} />}
      {preview.data && <HandoverPreview plan={preview.data} />}
      <Checkbox.Group label={t('handover.receivers')} value={receivers} onChange={setReceivers}>
        <Stack gap={6} mt="xs">
          {/* A card with the name in it: a click anywhere on it chooses the receiver. */}
          {offered.map((u) => (
            <Checkbox.Card key={u.id} value={u.id} p="xs" radius="sm" data-testid="handover-receiver" data-user-id={u.id}>
              <Group gap="sm" wrap="nowrap">
                <Checkbox.Indicator />
                <Text size="sm">
                  {u.name} · {t(`team.roles.${u.role}`)}
                </Text>
              </Group>
            </Checkbox.Card>
          ))}
        </Stack>
      </Checkbox.Group>
      {receivers.length > 1 && (
        <Text size="sm" c="dimmed" data-testid="handover-shared-note">
          {t('handover.sharedInTurn')}
        </Text>
      )}
      {deactivates && (
        <Checkbox
          label={t('handover.deactivate')}
          checked={deactivate}
          onChange={(e) => setDeactivate(e.currentTarget.checked)}
          data-testid="handover-deactivate"
        />
      )}
      {handover.isError && (
        <Text size="sm" c="red" data-testid="handover-error">
          {errorText(t, handover.error)}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          disabled={receivers.length === 0}
          loading={handover.isPending}
          onClick={() =>
            handover.mutate(
              { scope, receivers, deactivate: deactivates && deactivate },
              {
                onSuccess: (done) => {
                  setOutcome(done);
                  onDone?.();
                },
              },
            )
          }
          data-testid="handover-confirm"
        >
          {t('handover.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
