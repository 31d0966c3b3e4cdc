import { Alert, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportInspection } from '../../api/types';
import { withColumn } from './importChoices';

const SKIP = '-';
const SAMPLES_SHOWN = 3;

/**
 * Each column of the file with its first values and the field it fills, as suggested from the
 * header (or remembered from the last import) and changed here.
 */
export function MappingStep({ inspection, columns, onChange }: {
  inspection: ImportInspection;
  columns: (ImportField | null)[];
  onChange: (columns: (ImportField | null)[]) => void;
}) {
  const { t } = useTranslation();
  const { file, fields, required } = inspection;
  const data = [
    { value: SKIP, label: t('import.skip') },
    ...fields.map((f) => ({ value: f, label: f === required ? `${t(`importField.${f}`)} *` : t(`importField.${f}`) })),
  ];
  return (
    <>
      <Text size="sm" c="dimmed" data-testid="import-file-info">
        {[
          file.format.toUpperCase(),
          file.encoding,
          file.delimiter && t('import.delimiter', { delimiter: file.delimiter === '\t' ? 'Tab' : file.delimiter }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {!columns.includes(required) && (
        <Alert color="orange" data-testid="import-required-missing">
          {t('import.requiredMissing', { field: t(`importField.${required}`) })}
        </Alert>
      )}
      <Table striped data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.sample')}</Table.Th>
            <Table.Th>{t('import.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {file.header.map((column, i) => (
            <Table.Tr key={i} data-testid="import-mapping-row">
              <Table.Td data-testid="import-column">{column}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {file.sample
                    .slice(0, SAMPLES_SHOWN)
                    .map((row) => row[i])
                    .filter(Boolean)
                    .join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  data={data}
                  value={columns[i] ?? SKIP}
                  onChange={(v) => onChange(withColumn(columns, i, !v || v === SKIP ? null : (v as ImportField)))}
                  allowDeselect={false}
                  aria-label={column}
                  data-testid="import-column-field"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
