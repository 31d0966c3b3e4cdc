import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/call';
import { errorText } from '../../api/errors';
import type { RowNote } from '../../api/types';

/** A field of a row's note in the person's words; a field the import does not map stays as named. */
export function fieldLabel(t: TFunction, field: string): string {
  return t(`importField.${field}`, { defaultValue: field });
}

/**
 * Why a row was refused (or which record it duplicates): the field, the error in the person's
 * language, and the store's detail (the value, the existing record and its owner).
 */
export function noteText(t: TFunction, note: RowNote): string {
  const said = errorText(t, new ApiError({ code: note.code, field: note.field, message: note.message }));
  const detail = said.includes(note.message) ? '' : ` (${note.message})`;
  return `${note.field ? `${fieldLabel(t, note.field)}: ` : ''}${said}${detail}`;
}

export function RowNotes({ notes }: { notes: RowNote[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {notes.map((n, i) => (
        <Text key={i} size="sm" c={n.code === 'duplicate' ? 'orange' : 'red'} data-testid="import-row-note">
          {noteText(t, n)}
        </Text>
      ))}
    </Stack>
  );
}
