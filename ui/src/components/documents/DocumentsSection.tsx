import { ActionIcon, Anchor, Button, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../../api/dictionaries';
import { useAttachDocument, useDeleteDocument, useDocuments, useOpenDocument, useSaveDocument } from '../../api/documents';
import { notifyError } from '../../api/errors';
import type { Document, DocumentOf } from '../../api/types';
import { EmptyState } from '../EmptyState';
import { ListSkeleton } from '../ListSkeleton';
import { QueryError } from '../QueryError';
import { When } from '../When';
import { fileSize } from './fileSize';

/**
 * A deal's or a company's documents: name, size, who added it and when; files attached from the
 * OS's open dialog, saved through its save dialog, opened in the OS's program, deleted after a
 * confirmation. `mayChange` hides attaching and deleting where the rights say no (the store
 * refuses them anyway); `actions` are the record's own buttons (a deal's proposal).
 */
export function DocumentsSection({ of, mayChange, actions }: { of: DocumentOf; mayChange: boolean; actions?: ReactNode }) {
  const { t } = useTranslation();
  const documents = useDocuments(of);
  const users = useUserNames();
  const attach = useAttachDocument(of);
  const save = useSaveDocument();
  const open = useOpenDocument();
  const [deleting, setDeleting] = useState<Document | null>(null);
  const rows = documents.data ?? [];
  const onError = (e: unknown) => notifyError(t, e);
  return (
    <Stack gap="xs" data-testid="documents">
      <Group justify="flex-end">
        {actions}
        {mayChange && (
          <Button
            variant="light"
            loading={attach.isPending}
            onClick={() =>
              attach.mutate(
                { title: t('documents.attachTitle'), filterName: t('documents.anyFile') },
                {
                  onSuccess: (d) => d && notifications.show({ color: 'teal', message: t('documents.attached', { name: d.name }) }),
                  onError,
                },
              )
            }
            data-testid="document-attach"
          >
            {t('documents.attach')}
          </Button>
        )}
      </Group>
      {documents.isPending && <ListSkeleton rows={2} />}
      {documents.isError && <QueryError error={documents.error} retry={() => void documents.refetch()} />}
      {documents.isSuccess && rows.length === 0 && <EmptyState title={t('documents.none')} />}
      {rows.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.document')}</Table.Th>
              <Table.Th ta="right">{t('documents.size')}</Table.Th>
              <Table.Th>{t('documents.who')}</Table.Th>
              <Table.Th>{t('documents.when')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ document: d, kind }) => (
              <Table.Tr key={d.id} data-testid="document-row">
                <Table.Td>
                  {/* A file named only by a path on some desktop has no bytes here to open. */}
                  {kind ? (
                    <Anchor component="button" onClick={() => open.mutate(d.id, { onError })} data-testid="document-open">
                      {d.name}
                    </Anchor>
                  ) : (
                    <Text size="sm" title={d.path}>
                      {d.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{d.size_bytes == null ? '' : fileSize(t, d.size_bytes)}</Table.Td>
                <Table.Td>{d.author_id ? users.get(d.author_id) : ''}</Table.Td>
                <Table.Td>
                  <When ms={d.created_at} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {kind && (
                      <Tooltip label={t('documents.save')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('documents.save')}
                          onClick={() =>
                            save.mutate(
                              { id: d.id, title: t('documents.saveTitle'), filterName: t('documents.document') },
                              {
                                onSuccess: (path) =>
                                  path && notifications.show({ color: 'teal', message: t('documents.saved', { path }) }),
                                onError,
                              },
                            )
                          }
                          data-testid="document-save"
                        >
                          <IconDeviceFloppy size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    {mayChange && (
                      <Tooltip label={t('documents.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('documents.delete')}
                          onClick={() => setDeleting(d)}
                          data-testid="document-delete"
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <DeleteDocumentDialog document={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

function DeleteDocumentDialog({ document, onClose }: { document: Document | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteDocument();
  return (
    <Modal opened={!!document} onClose={onClose} title={t('documents.deleteTitle')} data-testid="document-delete-dialog">
      {document && (
        <Stack>
          <Text size="sm">{t('documents.deleteText', { name: document.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(document, { onSuccess: onClose, onError: (e) => notifyError(t, e) })}
              data-testid="document-delete-confirm"
            >
              {t('documents.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
