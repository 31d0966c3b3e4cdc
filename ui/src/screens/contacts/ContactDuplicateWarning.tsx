import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useContactDuplicates } from '../../api/contacts';
import type { ContactInput, Id } from '../../api/types';
import { DUPLICATE_DEBOUNCE_MS, DuplicateAlert } from '../../components/DuplicateAlert';

/**
 * People this contact may already be (a shared phone or email, or the same name at the same
 * company). A warning only: colleagues may share an office phone.
 */
export function ContactDuplicateWarning({ input, except }: { input: ContactInput; except: Id | null }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(input, DUPLICATE_DEBOUNCE_MS);
  const duplicates = useContactDuplicates(debounced, except);
  const found = (duplicates.data ?? []).map((c) => ({
    id: c.id,
    route: `/contacts/${c.id}`,
    name: c.full_name,
    detail: c.position ? `· ${c.position}` : '',
  }));
  return <DuplicateAlert title={t('contacts.duplicateTitle')} found={found} />;
}
