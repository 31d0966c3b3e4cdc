import type { DuplicatePolicy, Id, ImportChoices, ImportField, ImportKind } from '../../api/types';

/** Who owns what the import makes: the owner column (or the importer), or shared in turn. */
export type OwnerChoice = { mode: 'column' } | { mode: 'share'; users: Id[] };

/**
 * Each column's field after the person picks `field` for column `index`: a field fills one
 * column, so the column that had it gives it up (as the store's mapping does).
 */
export function withColumn(columns: (ImportField | null)[], index: number, field: ImportField | null): (ImportField | null)[] {
  return columns.map((c, i) => (i === index ? field : field !== null && c === field ? null : c));
}

/**
 * What the wizard sends. Sharing, or a role that imports only for itself, leaves no column to
 * the owner: the store then gives the records to the shared teammates or to the importer.
 */
export function choicesOf(
  kind: ImportKind,
  columns: (ImportField | null)[],
  duplicates: DuplicatePolicy,
  owner: OwnerChoice,
  forOthers: boolean,
): ImportChoices {
  const byColumn = forOthers && owner.mode === 'column';
  return {
    kind,
    columns: columns.map((c) => (c === 'owner' && !byColumn ? null : c)),
    duplicates,
    owners: forOthers && owner.mode === 'share' ? { share: owner.users } : 'from_file',
  };
}

/** The file's name without its folder and extension, for the refused rows' file name. */
export function fileStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.[^.]+$/, '') || name;
}
