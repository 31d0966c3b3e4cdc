import { choicesOf, fileStem, withColumn } from './importChoices';

describe('the import wizard’s choices', () => {
  it('gives a field to one column: the column that had it gives it up', () => {
    expect(withColumn(['name', 'phone', null], 2, 'phone')).toEqual(['name', null, 'phone']);
    expect(withColumn(['name', 'phone', null], 0, null)).toEqual([null, 'phone', null]);
  });

  it('keeps the owner column only for a role that imports for others and takes owners from it', () => {
    const columns = ['name', 'owner'] as const;
    expect(choicesOf('companies', [...columns], 'skip', { mode: 'column' }, true)).toEqual({
      kind: 'companies',
      columns: ['name', 'owner'],
      duplicates: 'skip',
      owners: 'from_file',
    });
    expect(choicesOf('companies', [...columns], 'update', { mode: 'share', users: ['u-2', 'u-3'] }, true)).toEqual({
      kind: 'companies',
      columns: ['name', null],
      duplicates: 'update',
      owners: { share: ['u-2', 'u-3'] },
    });
    expect(choicesOf('deals', [...columns], 'refuse', { mode: 'share', users: ['u-2'] }, false)).toEqual({
      kind: 'deals',
      columns: ['name', null],
      duplicates: 'refuse',
      owners: 'from_file',
    });
  });

  it('names the refused rows’ file after the imported one', () => {
    expect(fileStem('/home/olena/клієнти.2026.csv')).toBe('клієнти.2026');
    expect(fileStem('C:\\Users\\olena\\base.xlsx')).toBe('base');
  });
});
