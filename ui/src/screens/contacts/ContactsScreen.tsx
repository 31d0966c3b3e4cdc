import { Button, Group, Modal, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useContactList } from '../../api/contacts';
import { useUserNames } from '../../api/dictionaries';
import { flatten } from '../../api/paging';
import type { Contact, Id } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { QueryError } from '../../components/QueryError';
import { UserSelect } from '../../components/pickers/UserSelect';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { ListExportButton, shownColumns } from '../../components/ListExportButton';
import { When } from '../../components/When';
import { ContactForm } from './ContactForm';
import { ImportButton } from '../import/ImportButton';

export function ContactsScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const owners = useUserNames();
  const [ownerId, setOwnerId] = useState<Id | null>(null);
  const [creating, setCreating] = useState(false);
  useHotkeys([['n', () => setCreating(true)]]);
  const list = useContactList({ owner_id: ownerId });
  const rows = useMemo(() => flatten(list.data?.pages), [list.data]);
  const columns = useMemo<Column<Contact>[]>(
    () => [
      { key: 'full_name', label: t('contact.full_name'), width: 260, render: (c) => c.full_name },
      { key: 'position', label: t('contact.position'), width: 180, render: (c) => c.position },
      { key: 'phones', label: t('contact.phones'), width: 180, render: (c) => c.phones.join(', ') },
      { key: 'emails', label: t('contact.emails'), width: 220, render: (c) => c.emails.join(', ') },
      { key: 'owner', label: t('contact.owner_id'), width: 160, render: (c) => owners.get(c.owner_id) },
      { key: 'created_at', label: t('common.createdAt'), width: 170, render: (c) => <When ms={c.created_at} /> },
    ],
    [t, owners],
  );

  return (
    <Stack gap="sm" data-testid="contacts-screen">
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('contacts.title')}</Title>
          <UserSelect
            placeholder={t('deals.allOwners')}
            clearable
            value={ownerId}
            onChange={setOwnerId}
            aria-label={t('contact.owner_id')}
          />
        </Group>
        <Group>
          <ImportButton kind="contacts" />
          <ListExportButton
            query={{ list: 'contacts', filter: { owner_id: ownerId } }}
            columns={shownColumns(columns)}
            title={t('contacts.title')}
            filters={ownerId ? [{ label: t('contact.owner_id'), value: owners.get(ownerId) ?? '' }] : []}
          />
          <Button onClick={() => setCreating(true)} data-testid="new-contact">
            {t('contacts.new')}
          </Button>
        </Group>
      </Group>
      {list.isPending && <ListSkeleton rows={10} />}
      {list.isError && <QueryError error={list.error} retry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && (
        <EmptyState title={t('contacts.empty')} hint={t('common.pressN')} testId="contacts-empty" />
      )}
      {list.isSuccess && rows.length > 0 && (
        <VirtualTable
          rows={rows}
          columns={columns}
          rowKey={(c) => c.id}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onEndReached={() => void list.fetchNextPage()}
          onRowClick={(c) => navigate(`/contacts/${c.id}`)}
          testId="contacts-table"
          rowTestId="contact-row"
        />
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('contacts.new')} size="xl">
        {creating && (
          <ContactForm
            contact={null}
            onSaved={(c) => {
              setCreating(false);
              navigate(`/contacts/${c.id}`);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
