import { Button, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/call';
import { DICTIONARY_KINDS } from '../../../api/choices';
import { useLossReasons } from '../../../api/dictionaries';
import { errorText, notifyError } from '../../../api/errors';
import {
  useCreateDictionaryEntry,
  useCreateLossReason,
  useDictionaries,
  useReorderDictionary,
  useReorderLossReasons,
  useUpdateDictionaryEntry,
  useUpdateLossReason,
} from '../../../api/setup';
import type { DictionaryKind, InOrder } from '../../../api/types';
import { ConflictAlert } from '../../../components/ConflictAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { QueryError } from '../../../components/QueryError';
import { useAppInfoContext } from '../../../shell/currentUser';
import { SortableRows } from '../SortableRows';

/** A dictionary of the database, or the loss reasons (kept apart: deals name them by id). */
type Kind = DictionaryKind | 'loss_reason';

/** One entry as this screen edits it, whichever table keeps it. */
interface Entry {
  id: string;
  version: number;
  name: string;
  position: number;
  active: boolean;
}

/** What the screen does with one kind of dictionary. */
interface Dictionary {
  entries: Entry[] | undefined;
  error: unknown;
  add: (name: string) => Promise<unknown>;
  save: (entry: Entry, change: { name?: string; active?: boolean }) => Promise<unknown>;
  reorder: (order: InOrder[]) => Promise<unknown>;
}

function useDictionary(kind: Kind): Dictionary {
  const all = useDictionaries();
  const reasons = useLossReasons();
  const createEntry = useCreateDictionaryEntry();
  const updateEntry = useUpdateDictionaryEntry();
  const reorderEntries = useReorderDictionary();
  const createReason = useCreateLossReason();
  const updateReason = useUpdateLossReason();
  const reorderReasons = useReorderLossReasons();
  if (kind === 'loss_reason') {
    return {
      entries: reasons.data,
      error: reasons.error,
      add: (name) => createReason.mutateAsync({ name, position: reasons.data?.length ?? 0, active: true }),
      save: (e, change) =>
        updateReason.mutateAsync({
          id: e.id,
          version: e.version,
          input: { name: change.name ?? e.name, position: e.position, active: change.active ?? e.active },
        }),
      reorder: (order) => reorderReasons.mutateAsync(order),
    };
  }
  return {
    entries: all.data?.filter((e) => e.dictionary === kind),
    error: all.error,
    add: (name) => createEntry.mutateAsync({ dictionary: kind, input: { name, position: null, active: true } }),
    save: (e, change) =>
      updateEntry.mutateAsync({
        entry: e,
        input: { name: change.name ?? e.name, position: null, active: change.active ?? e.active },
      }),
    reorder: (order) => reorderEntries.mutateAsync({ dictionary: kind, order }),
  };
}

/**
 * Settings → Dictionaries: the lists a department's records choose from. Everyone reads them;
 * the admin adds, renames, reorders and retires entries. A retired entry stays on the records
 * that have it and is offered to no new one.
 */
export function DictionariesSettings() {
  const { t } = useTranslation();
  const editable = useAppInfoContext()?.rights?.setup ?? false;
  const [kind, setKind] = useState<Kind>('loss_reason');
  const dictionary = useDictionary(kind);
  const [conflict, setConflict] = useState(false);
  const fail = (e: unknown) => (isApiError(e, 'conflict') ? setConflict(true) : notifyError(t, e));
  const kinds: Kind[] = ['loss_reason', ...DICTIONARY_KINDS];
  return (
    <Stack gap="md" maw={720} data-testid="dictionaries-settings">
      {!editable && (
        <Text size="sm" c="dimmed">
          {t('setup.readOnly')}
        </Text>
      )}
      <Select
        label={t('setup.dictionary')}
        data={kinds.map((k) => ({ value: k, label: t(`setup.dictionaries.${k}`) }))}
        value={kind}
        onChange={(v) => {
          if (!v) return;
          setKind(v as Kind);
          setConflict(false);
        }}
        allowDeselect={false}
        data-testid="dictionary-select"
      />
      {conflict && <ConflictAlert onReload={() => setConflict(false)} />}
      {dictionary.error ? (
        <QueryError error={dictionary.error} />
      ) : !dictionary.entries ? (
        <ListSkeleton rows={5} />
      ) : (
        <SortableRows
          items={dictionary.entries}
          disabled={!editable}
          onReorder={(order) => dictionary.reorder(order.map((e) => ({ id: e.id, version: e.version }))).catch(fail)}
          testId="dictionary-entries"
        >
          {(entry) => <EntryRow key={`${entry.id}-${entry.version}`} entry={entry} editable={editable} save={dictionary.save} fail={fail} />}
        </SortableRows>
      )}
      {editable && <NewEntry key={kind} add={dictionary.add} />}
    </Stack>
  );
}

function EntryRow({ entry, editable, save, fail }: {
  entry: Entry;
  editable: boolean;
  save: Dictionary['save'];
  fail: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(entry.name);
  const [error, setError] = useState<string | null>(null);
  const rename = () => {
    if (name.trim() === entry.name) return;
    save(entry, { name }).then(
      () => setError(null),
      (e: unknown) => (isApiError(e, 'invalid') ? setError(errorText(t, e)) : fail(e)),
    );
  };
  return (
    <Group wrap="nowrap" data-testid={`dictionary-entry-${entry.name}`}>
      <TextInput
        style={{ flex: 1 }}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={rename}
        onKeyDown={(e) => e.key === 'Enter' && rename()}
        disabled={!editable}
        error={error}
        aria-label={t('setup.entryName')}
        c={entry.active ? undefined : 'dimmed'}
      />
      <Switch
        label={t('setup.active')}
        checked={entry.active}
        disabled={!editable}
        onChange={(e) => save(entry, { active: e.currentTarget.checked }).catch(fail)}
        data-testid="dictionary-entry-active"
      />
    </Group>
  );
}

function NewEntry({ add }: { add: Dictionary['add'] }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    setBusy(true);
    add(name)
      .then(
        () => {
          setName('');
          setError(null);
        },
        (e: unknown) => setError(errorText(t, e)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Group align="flex-start">
      <TextInput
        style={{ flex: 1 }}
        placeholder={t('setup.newEntry')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
        error={error}
        data-testid="dictionary-new-entry"
      />
      <Button onClick={submit} loading={busy} disabled={!name.trim()} data-testid="dictionary-add">
        {t('setup.addEntry')}
      </Button>
    </Group>
  );
}
