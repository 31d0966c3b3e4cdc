import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContactsById, useContactsOf } from '../../api/contacts';
import { useSearchHits } from '../../api/search';
import type { Id } from '../../api/types';

/** The company's people first; anyone else by typing. */
export function ContactsPicker({
  value,
  onChange,
  companyId,
  ...props
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: Id[];
  onChange: (ids: Id[]) => void;
  companyId: Id | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const hits = useSearchHits(search);
  const ofCompany = useContactsOf({ company_id: companyId }, !!companyId);
  const chosen = useContactsById(value);
  const options = new Map<string, string>();
  for (const q of chosen) if (q.data) options.set(q.data.id, q.data.full_name);
  for (const c of ofCompany.data?.items ?? []) options.set(c.id, c.full_name);
  for (const h of hits.data?.items ?? []) if (h.kind === 'contact') options.set(h.id, h.title);
  for (const id of value) if (!options.has(id)) options.set(id, '…');
  return (
    <MultiSelect
      searchable
      data={[...options].map(([v, label]) => ({ value: v, label }))}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('search.nothing')}
      {...props}
    />
  );
}
