//! Working days and the periods reports are cut into. The department's working days are its
//! weekdays (Monday to Friday unless set otherwise) less its public holidays (process settings).

use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeSet;

/// Which days the department works: what the dashboard's expected-to-date and the gong's
/// progress count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkCalendar {
    /// Indexed by `Weekday::num_days_from_monday`.
    weekdays: [bool; 7],
    holidays: BTreeSet<NaiveDate>,
}

impl Default for WorkCalendar {
    /// Monday to Friday, no holidays.
    fn default() -> Self {
        WorkCalendar::new(&[1, 2, 3, 4, 5], &[])
    }
}

impl WorkCalendar {
    /// `weekdays` are ISO numbers (1 = Monday … 7 = Sunday); others are ignored.
    pub fn new(weekdays: &[u8], holidays: &[NaiveDate]) -> WorkCalendar {
        let mut days = [false; 7];
        for d in weekdays.iter().filter(|d| (1..=7).contains(*d)) {
            days[usize::from(*d - 1)] = true;
        }
        WorkCalendar {
            weekdays: days,
            holidays: holidays.iter().copied().collect(),
        }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.weekdays[d.weekday().num_days_from_monday() as usize] && !self.holidays.contains(&d)
    }

    /// Working days from `from` to `to`, both included; zero when `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .count() as i64
    }

    /// Working days in `d`'s month.
    pub fn working_days_in_month(&self, d: NaiveDate) -> i64 {
        self.working_days_between(month_start(d), month_end(d))
    }

    /// Working days of `month`'s month that have passed by the end of `today`: none before the
    /// month, all of them after it.
    pub fn working_days_elapsed(&self, month: NaiveDate, today: NaiveDate) -> i64 {
        let end = month_end(month).min(today);
        self.working_days_between(month_start(month), end)
    }
}

/// The first day of `d`'s month.
pub fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The last day of `d`'s month.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    next_month(d).pred_opt().unwrap_or(d)
}

/// The first day of the month after `d`'s.
pub fn next_month(d: NaiveDate) -> NaiveDate {
    let start = month_start(d);
    start.checked_add_months(chrono::Months::new(1)).unwrap_or(start)
}

/// The first day of the month `n` months before `d`'s.
pub fn months_back(d: NaiveDate, n: u32) -> NaiveDate {
    let start = month_start(d);
    start.checked_sub_months(chrono::Months::new(n)).unwrap_or(start)
}

/// "YYYY-MM", as plans name their month.
pub fn month_key(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

/// The Monday–Sunday week holding `d`.
pub fn week_of(d: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = d - Days::new(d.weekday().num_days_from_monday() as u64);
    (monday, monday + Days::new(6))
}

/// Milliseconds since the epoch at the start (00:00 UTC) of `d`.
pub fn day_start_ms(d: NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp_millis())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn working_days_count_mondays_to_fridays() {
        let cal = WorkCalendar::default();
        // March 2026 starts on a Sunday: 31 days, Sundays 1, 8, 15, 22, 29 and Saturdays
        // 7, 14, 21, 28 are off, 31 − 9 = 22.
        assert_eq!(cal.working_days_in_month(d("2026-03-17")), 22);
        // February 2026: four full weeks, 20.
        assert_eq!(cal.working_days_in_month(d("2026-02-01")), 20);
        // By Tuesday 10 March: Mon 2 … Fri 6 (5) + Mon 9, Tue 10 (2) = 7.
        assert_eq!(cal.working_days_elapsed(d("2026-03-01"), d("2026-03-10")), 7);
        assert_eq!(
            cal.working_days_elapsed(d("2026-03-01"), d("2026-02-27")),
            0,
            "before the month"
        );
        assert_eq!(
            cal.working_days_elapsed(d("2026-03-01"), d("2026-05-01")),
            22,
            "after it"
        );
    }

    #[test]
    fn holidays_and_chosen_weekdays_change_the_count() {
        // March 2026 with Saturdays worked (4 of them) and Monday the 9th off: 22 + 4 − 1 = 25.
        let cal = WorkCalendar::new(&[1, 2, 3, 4, 5, 6], &[d("2026-03-09"), d("2026-03-08")]);
        assert_eq!(cal.working_days_in_month(d("2026-03-01")), 25);
        assert!(!cal.is_working_day(d("2026-03-09")), "a holiday");
        assert!(cal.is_working_day(d("2026-03-07")), "a worked Saturday");
        // By Tuesday 10 March: Mon 2 … Sat 7 (6), Mon 9 off, Tue 10 (1) = 7.
        assert_eq!(cal.working_days_elapsed(d("2026-03-01"), d("2026-03-10")), 7);
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        assert_eq!(
            week_of(d("2026-03-11")),
            (d("2026-03-09"), d("2026-03-15")),
            "a Wednesday"
        );
        assert_eq!(week_of(d("2026-03-15")), (d("2026-03-09"), d("2026-03-15")), "a Sunday");
        assert_eq!(week_of(d("2026-03-09")), (d("2026-03-09"), d("2026-03-15")), "a Monday");
    }

    #[test]
    fn months_step_over_year_ends() {
        assert_eq!(months_back(d("2026-02-14"), 5), d("2025-09-01"));
        assert_eq!(next_month(d("2025-12-31")), d("2026-01-01"));
        assert_eq!(month_end(d("2024-02-10")), d("2024-02-29"));
        assert_eq!(month_key(d("2026-03-09")), "2026-03");
    }
}
