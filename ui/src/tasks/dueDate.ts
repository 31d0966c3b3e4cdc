import dayjs from 'dayjs';

/** Mantine's date-time pickers speak "YYYY-MM-DD HH:mm:ss" in local time; the store speaks ms. */
export const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';

export function pickerToMillis(value: string | null | undefined): number | null {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d.valueOf() : null;
}

/** Tomorrow at ten: when a follow-up lands if nobody says otherwise. */
export function defaultNextDue(now = dayjs()): string {
  return now.add(1, 'day').hour(10).minute(0).second(0).format(PICKER_FORMAT);
}

/** The chosen due time; an emptied picker means "now", which the store accepts as due at once. */
export function dueMillis(value: string | null | undefined): number {
  return pickerToMillis(value) ?? Date.now();
}
