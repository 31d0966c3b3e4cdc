import { Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompany } from '../../api/companies';
import { useSearchHits } from '../../api/search';
import type { Id } from '../../api/types';

/** A company chosen by typing part of its name, phone or city: the quick search narrows it. */
export function CompanyPicker({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: Id | null; onChange: (id: Id | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const hits = useSearchHits(search);
  const current = useCompany(value);
  const options = (hits.data?.items ?? [])
    .filter((h) => h.kind === 'company')
    .map((h) => ({ value: h.id, label: h.subtitle ? `${h.title} · ${h.subtitle}` : h.title }));
  if (value && current.data && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: current.data.city ? `${current.data.name} · ${current.data.city}` : current.data.name });
  }
  return (
    <Select
      searchable
      clearable
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the text; filtering again would hide hits on phone or city.
      filter={({ options: all }) => all}
      nothingFoundMessage={search.trim() ? t('search.nothing') : t('search.typeToFind')}
      {...props}
    />
  );
}
