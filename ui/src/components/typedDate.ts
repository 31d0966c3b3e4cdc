/**
 * A day typed as people here write it, "05.03.2026" (or "5.3.2026", "05/03/2026"), as the
 * "YYYY-MM-DD" a date input holds; null when it is no day. Mantine's own parser reads such text
 * month first, the American way.
 */
export function parseTypedDay(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
