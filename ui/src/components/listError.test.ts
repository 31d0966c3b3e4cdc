import { listError } from './listError';

describe('listError', () => {
  it('finds the error of the list or of any of its items', () => {
    expect(listError({ 'qualification.1': 'bad' }, 'qualification')).toBe('bad');
    expect(listError({ qualification: 'empty' }, 'qualification')).toBe('empty');
    expect(listError({ qualification_note: 'other' }, 'qualification')).toBeUndefined();
  });
});
