import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../api/errors';
import { useDealDocuments, useMakeProposal, useOpenDocument } from '../../api/proposals';
import type { Deal } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/ListSkeleton';
import { When } from '../../components/When';

const KB = 1024;

/** The deal's documents, its proposals among them: made here, kept in the database, opened in the OS's program. */
export function DealDocuments({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const documents = useDealDocuments(deal.id);
  const make = useMakeProposal();
  const open = useOpenDocument();
  const rows = documents.data ?? [];
  return (
    <Stack gap="xs" data-testid="deal-documents">
      {deal.deleted_at == null && (
        <Group justify="flex-end">
          <Button
            loading={make.isPending}
            onClick={() => make.mutate(deal.id, { onError: (e) => notifyError(t, e) })}
            data-testid="make-proposal"
          >
            {t('proposal.make')}
          </Button>
        </Group>
      )}
      {documents.isPending && <ListSkeleton rows={2} />}
      {documents.isSuccess && rows.length === 0 && <EmptyState title={t('proposal.noDocuments')} />}
      {rows.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('proposal.document')}</Table.Th>
              <Table.Th ta="right">{t('proposal.size')}</Table.Th>
              <Table.Th>{t('common.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ document: d, kind }) => (
              <Table.Tr key={d.id} data-testid="document-row">
                <Table.Td>
                  {kind ? (
                    <Anchor
                      component="button"
                      onClick={() => open.mutate(d.id, { onError: (e) => notifyError(t, e) })}
                      data-testid="document-open"
                    >
                      {d.name}
                    </Anchor>
                  ) : (
                    <Text size="sm" title={d.path}>
                      {d.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{d.size_bytes == null ? '' : t('proposal.kb', { count: Math.max(1, Math.round(d.size_bytes / KB)) })}</Table.Td>
                <Table.Td>
                  <When ms={d.created_at} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
