import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseTypedDay } from './typedDate';

/** A day as people here write and read it, DD.MM.YYYY: typed text is read day first. */
export function DayInput(props: DateInputProps) {
  return <DateInput valueFormat="DD.MM.YYYY" dateParser={parseTypedDay} {...props} />;
}
