import { Badge, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCompany } from '../../api/companies';
import type { Deal, Id, Stage } from '../../api/types';
import { Money } from '../../components/Money';
import type { Column } from '../../components/VirtualTable';
import { DateText, When } from '../../components/When';
import { WithoutTaskFlag } from '../../components/WithoutTaskFlag';

/** A company's name by id, read through the cache: only rows in view ask for it. */
function CompanyName({ id }: { id: Id | null }) {
  const company = useCompany(id);
  return <Text size="sm" truncate>{company.data?.name ?? ''}</Text>;
}

export const DEAL_COLUMN_KEYS = [
  'title',
  'company',
  'amount',
  'stage',
  'owner',
  'status',
  'expected_close_date',
  'planned_payment_date',
  'created_at',
] as const;
export type DealColumnKey = (typeof DEAL_COLUMN_KEYS)[number];

export function dealColumns(
  t: TFunction,
  stages: Map<Id, Stage>,
  owners: Map<Id, string>,
): Record<DealColumnKey, Column<Deal> & { value: (d: Deal) => string | number }> {
  return {
    title: {
      key: 'title',
      label: t('deal.title'),
      width: 320,
      sortable: true,
      render: (d) => (
        <Text size="sm" truncate>
          <WithoutTaskFlag deal={d} />
          {d.title}
        </Text>
      ),
      value: (d) => d.title,
    },
    company: {
      key: 'company',
      label: t('deal.company'),
      width: 220,
      render: (d) => <CompanyName id={d.company_id} />,
      value: (d) => d.company_id ?? '',
    },
    amount: {
      key: 'amount',
      label: t('deal.amount'),
      width: 140,
      sortable: true,
      render: (d) => <Money minor={d.amount} currency={d.currency} />,
      value: (d) => d.amount,
    },
    stage: {
      key: 'stage',
      label: t('deal.stage'),
      width: 170,
      sortable: true,
      render: (d) => stages.get(d.stage_id)?.name ?? '',
      value: (d) => stages.get(d.stage_id)?.position ?? 0,
    },
    owner: {
      key: 'owner',
      label: t('deal.owner'),
      width: 160,
      sortable: true,
      render: (d) => owners.get(d.owner_id) ?? '',
      value: (d) => owners.get(d.owner_id) ?? '',
    },
    status: {
      key: 'status',
      label: t('deal.status'),
      width: 110,
      sortable: true,
      render: (d) => (
        <Badge size="sm" variant="light" color={{ open: 'blue', won: 'teal', lost: 'red' }[d.status]}>
          {t(`dealStatus.${d.status}`)}
        </Badge>
      ),
      value: (d) => d.status,
    },
    expected_close_date: {
      key: 'expected_close_date',
      label: t('deal.expectedCloseDate'),
      width: 150,
      sortable: true,
      render: (d) => <DateText date={d.expected_close_date} />,
      value: (d) => d.expected_close_date ?? '',
    },
    planned_payment_date: {
      key: 'planned_payment_date',
      label: t('deal.plannedPaymentDate'),
      width: 150,
      sortable: true,
      render: (d) => <DateText date={d.planned_payment_date} />,
      value: (d) => d.planned_payment_date ?? '',
    },
    created_at: {
      key: 'created_at',
      label: t('common.createdAt'),
      width: 170,
      sortable: true,
      render: (d) => <When ms={d.created_at} />,
      value: (d) => d.created_at,
    },
  };
}
