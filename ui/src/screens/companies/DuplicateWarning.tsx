import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompanyDuplicates } from '../../api/companies';
import { useUserNames } from '../../api/dictionaries';
import type { CompanyInput, Id } from '../../api/types';

/** Pause after typing before asking: one question per thought, not per keystroke. */
const DUPLICATE_DEBOUNCE_MS = 300;

/** Rule 6 while typing: the clients this one would duplicate, and whose they are. */
export function DuplicateWarning({ input, except }: { input: CompanyInput; except: Id | null }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(input, DUPLICATE_DEBOUNCE_MS);
  const duplicates = useCompanyDuplicates(debounced, except);
  const owners = useUserNames();
  const found = duplicates.data ?? [];
  if (found.length === 0) return null;
  return (
    <Alert color="orange" title={t('companies.duplicateTitle')} data-testid="duplicate-warning">
      <Stack gap={2}>
        {found.map((c) => (
          <Text key={c.id} size="sm">
            <Anchor component={Link} to={`/companies/${c.id}`}>
              {c.name}
            </Anchor>
            {c.city && ` · ${c.city}`} — {t('companies.ownedBy', { owner: owners.get(c.owner_id) ?? '…' })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
