import { Checkbox, Radio, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveUsers } from '../../api/dictionaries';
import type { DuplicatePolicy, ImportField } from '../../api/types';
import { type OwnerChoice, withColumn } from './importChoices';

const POLICIES: DuplicatePolicy[] = ['skip', 'update', 'refuse'];
const NONE = '-';

/**
 * What becomes of duplicates (rule 6) and who owns the new records: a column naming each row's
 * owner, or shared in turn among chosen teammates. A role that imports only for itself is told
 * the records are its own.
 */
export function OptionsStep({ header, columns, onColumns, duplicates, onDuplicates, owner, onOwner, forOthers }: {
  header: string[];
  columns: (ImportField | null)[];
  onColumns: (columns: (ImportField | null)[]) => void;
  duplicates: DuplicatePolicy;
  onDuplicates: (d: DuplicatePolicy) => void;
  owner: OwnerChoice;
  onOwner: (o: OwnerChoice) => void;
  forOthers: boolean;
}) {
  const { t } = useTranslation();
  const users = useActiveUsers();
  const ownerColumn = columns.indexOf('owner');
  return (
    <Stack>
      <Radio.Group
        label={t('import.duplicates')}
        value={duplicates}
        onChange={(v) => onDuplicates(v as DuplicatePolicy)}
        data-testid="import-duplicates"
      >
        <Stack gap={6} mt={6}>
          {POLICIES.map((p) => (
            <Radio key={p} value={p} label={t(`import.policy.${p}`)} data-testid={`import-duplicates-${p}`} />
          ))}
        </Stack>
      </Radio.Group>
      {!forOthers ? (
        <Text size="sm" data-testid="import-owner-mine">
          {t('import.ownerMine')}
        </Text>
      ) : (
        <Radio.Group
          label={t('import.owner')}
          value={owner.mode}
          onChange={(v) => onOwner(v === 'share' ? { mode: 'share', users: [] } : { mode: 'column' })}
        >
          <Stack gap={6} mt={6}>
            <Radio value="column" label={t('import.ownerColumn')} data-testid="import-owner-column" />
            {owner.mode === 'column' && (
              <Select
                ml="xl"
                data={[{ value: NONE, label: t('import.ownerNone') }, ...header.map((h, i) => ({ value: String(i), label: h }))]}
                value={ownerColumn < 0 ? NONE : String(ownerColumn)}
                onChange={(v) => {
                  // The column that named the owner before goes back to being left out.
                  const cleared = withColumn(columns, ownerColumn, null);
                  onColumns(!v || v === NONE ? cleared : withColumn(cleared, Number(v), 'owner'));
                }}
                allowDeselect={false}
                aria-label={t('import.ownerColumnPick')}
                data-testid="import-owner-column-pick"
              />
            )}
            <Radio value="share" label={t('import.ownerShare')} data-testid="import-owner-share" />
            {owner.mode === 'share' && (
              <Stack gap={4} ml="xl">
                {(users.data ?? []).map((u) => (
                  <Checkbox
                    key={u.id}
                    label={u.name}
                    checked={owner.users.includes(u.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      onOwner({ mode: 'share', users: on ? [...owner.users, u.id] : owner.users.filter((id) => id !== u.id) });
                    }}
                    data-testid="import-share-user"
                  />
                ))}
              </Stack>
            )}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}
