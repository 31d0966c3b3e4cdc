import { Anchor, Badge, Group, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDealList } from '../api/deals';
import { flatten } from '../api/paging';
import type { DealFilter } from '../api/types';
import { EmptyState } from './EmptyState';
import { ListSkeleton } from './ListSkeleton';
import { Money } from './Money';
import { WithoutTaskFlag } from './WithoutTaskFlag';

/** The deals of a company or a contact on its card: title, status and amount, each a link. */
export function RelatedDeals({ filter, testId }: { filter: DealFilter; testId: string }) {
  const { t } = useTranslation();
  const deals = useDealList(filter);
  const rows = flatten(deals.data?.pages);
  return (
    <>
      {deals.isPending && <ListSkeleton rows={2} />}
      {deals.isSuccess && rows.length === 0 && <EmptyState title={t('deals.empty')} />}
      <Stack gap="xs">
        {rows.map((d) => (
          <Paper key={d.id} withBorder p="xs" data-testid={testId}>
            <Group justify="space-between">
              <Anchor component={Link} to={`/deals/${d.id}`}>
                <WithoutTaskFlag deal={d} />
                {d.title}
              </Anchor>
              <Group gap="xs">
                <Badge size="sm" variant="light">
                  {t(`dealStatus.${d.status}`)}
                </Badge>
                <Money minor={d.amount} currency={d.currency} />
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
