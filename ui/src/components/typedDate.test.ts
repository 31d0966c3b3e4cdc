import { parseTypedDay } from './typedDate';

describe('parseTypedDay', () => {
  it('reads the day first', () => {
    expect(parseTypedDay('05.03.2026')).toBe('2026-03-05');
    expect(parseTypedDay('5/3/2026')).toBe('2026-03-05');
  });

  it('refuses what is no day', () => {
    expect(parseTypedDay('31.02.2026')).toBeNull();
    expect(parseTypedDay('завтра')).toBeNull();
  });
});
