import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCompanyDuplicates } from '../../api/companies';
import { useUserNames } from '../../api/dictionaries';
import type { CompanyInput, Id } from '../../api/types';
import { DUPLICATE_DEBOUNCE_MS, DuplicateAlert } from '../../components/DuplicateAlert';

/** Rule 6 while typing: the clients this one would duplicate, and whose they are. */
export function DuplicateWarning({ input, except }: { input: CompanyInput; except: Id | null }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(input, DUPLICATE_DEBOUNCE_MS);
  const duplicates = useCompanyDuplicates(debounced, except);
  const owners = useUserNames();
  const found = (duplicates.data ?? []).map((c) => ({
    id: c.id,
    route: `/companies/${c.id}`,
    name: c.name,
    detail: `${c.city ? `· ${c.city} ` : ''}— ${t('companies.ownedBy', { owner: owners.get(c.owner_id) ?? '…' })}`,
  }));
  return <DuplicateAlert title={t('companies.duplicateTitle')} found={found} />;
}
