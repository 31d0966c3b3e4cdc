import { DatePickerInput, MonthPickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { cellText } from './cellText';
import { monthOf, weekOf, type Period, type PeriodKind } from './period';

const dayText = (day: string, lang: string) => cellText({ kind: 'date', value: day }, lang);

/** The period as each report reads it: a month, a Monday–Sunday week, or any range of days. */
export function PeriodInput({ kind, value, onChange }: {
  kind: PeriodKind;
  value: Period;
  onChange: (p: Period) => void;
}) {
  const { t, i18n } = useTranslation();
  if (kind === 'month') {
    return (
      <MonthPickerInput
        label={t('reports.month')}
        value={value.from}
        onChange={(v) => v && onChange(monthOf(v))}
        valueFormat="MMMM YYYY"
        w={180}
        data-testid="report-month"
      />
    );
  }
  if (kind === 'week') {
    return (
      <DatePickerInput
        label={t('reports.week')}
        description={t('reports.weekOf', { from: dayText(value.from, i18n.language), to: dayText(value.to, i18n.language) })}
        value={value.from}
        // Any day picked stands for its whole Monday–Sunday week.
        onChange={(day) => day && onChange(weekOf(day))}
        valueFormat="DD.MM.YYYY"
        w={200}
        data-testid="report-week"
      />
    );
  }
  return (
    <DatePickerInput
      type="range"
      label={t('reports.period')}
      value={[value.from, value.to]}
      onChange={([from, to]) => from && to && onChange({ from, to })}
      allowSingleDateInRange
      valueFormat="DD.MM.YYYY"
      w={240}
      data-testid="report-period"
    />
  );
}
