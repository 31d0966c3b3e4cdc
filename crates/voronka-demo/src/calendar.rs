//! Business time: the generator counts time in working seconds (Monday to Friday, 09:00–18:00
//! in Kyiv), so every call, letter and stage move it invents lands in office hours, and a
//! duration such as "three working days" stays three working days across weekends.

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Weekday};
use chrono_tz::Europe::Kyiv;

/// Working seconds in one working day (09:00–18:00).
pub const DAY: i64 = 9 * 3600;
pub const HOUR: i64 = 3600;
pub const MINUTE: i64 = 60;

/// How far back companies may have been created, and how far ahead due dates may reach.
const HISTORY_DAYS: i64 = 730;
const FUTURE_DAYS: i64 = 150;

#[derive(Debug, Clone)]
pub struct Calendar {
    /// 09:00 Kyiv of each working day, as UTC milliseconds.
    opens_ms: Vec<i64>,
    dates: Vec<NaiveDate>,
    /// The first working second of `today` (or of the next working day when today is a
    /// weekend): everything that already happened lies before it.
    now: i64,
    /// The first working second of the month six months before today's: deals close from here
    /// on, so each of the last six months and the current one has its revenue.
    window_start: i64,
}

impl Calendar {
    pub fn new(today: NaiveDate) -> Calendar {
        let first = today - Duration::days(HISTORY_DAYS);
        let last = today + Duration::days(FUTURE_DAYS);
        let window_day = first_of_month(month_number(today) - 6);
        let mut opens_ms = Vec::new();
        let mut dates = Vec::new();
        let (mut now_index, mut window_index) = (None, None);
        let mut day = first;
        while day <= last {
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                if now_index.is_none() && day >= today {
                    now_index = Some(dates.len());
                }
                if window_index.is_none() && day >= window_day {
                    window_index = Some(dates.len());
                }
                // 09:00 exists on every day in Kyiv: time-zone changes happen at night.
                let local = day.and_hms_opt(9, 0, 0).unwrap_or_default();
                let opens = Kyiv
                    .from_local_datetime(&local)
                    .earliest()
                    .map(|t| t.timestamp_millis())
                    .unwrap_or_else(|| local.and_utc().timestamp_millis());
                opens_ms.push(opens);
                dates.push(day);
            }
            day += Duration::days(1);
        }
        Calendar {
            now: now_index.unwrap_or(dates.len()) as i64 * DAY,
            window_start: window_index.unwrap_or(0) as i64 * DAY,
            opens_ms,
            dates,
        }
    }

    /// The UTC instant (milliseconds) of a working second. Seconds past the calendar's end
    /// are kept on its last day rather than invented.
    pub fn ms(&self, at: i64) -> i64 {
        let at = at.clamp(0, self.end() - 1);
        let day = (at / DAY) as usize;
        self.opens_ms[day] + (at % DAY) * 1000
    }

    /// The Kyiv date of a working second.
    pub fn date(&self, at: i64) -> NaiveDate {
        let at = at.clamp(0, self.end() - 1);
        self.dates[(at / DAY) as usize]
    }

    pub fn now(&self) -> i64 {
        self.now
    }

    pub fn window_start(&self) -> i64 {
        self.window_start
    }

    pub fn end(&self) -> i64 {
        self.dates.len() as i64 * DAY
    }

    /// The last working second strictly before `date`.
    pub fn before_date(&self, date: NaiveDate) -> i64 {
        let index = self.dates.partition_point(|d| *d < date);
        (index as i64 * DAY - 1).max(0)
    }
}

/// Months as a running number, so "six months back" is a subtraction.
pub fn month_number(date: NaiveDate) -> i64 {
    date.year() as i64 * 12 + date.month0() as i64
}

/// "YYYY-MM" of a running month number.
pub fn month_label(number: i64) -> String {
    format!("{:04}-{:02}", number.div_euclid(12), number.rem_euclid(12) + 1)
}

pub fn first_of_month(number: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(number.div_euclid(12) as i32, number.rem_euclid(12) as u32 + 1, 1).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_seconds_fall_in_kyiv_office_hours() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 30).expect("a date");
        let cal = Calendar::new(today);
        for at in [0, cal.window_start() + 5, cal.now() - 1, cal.now() + DAY + 7 * HOUR] {
            let local = chrono::DateTime::from_timestamp_millis(cal.ms(at))
                .expect("an instant")
                .with_timezone(&Kyiv);
            assert!(
                (9..18).contains(&chrono::Timelike::hour(&local)),
                "{local} is outside office hours"
            );
            assert!(
                !matches!(local.weekday(), Weekday::Sat | Weekday::Sun),
                "{local} is a weekend"
            );
        }
        let start_of_today = today
            .and_hms_opt(0, 0, 0)
            .expect("midnight")
            .and_utc()
            .timestamp_millis();
        assert!(cal.ms(cal.now() - 1) < start_of_today, "the past ends before today");
        assert_eq!(cal.date(cal.now()), today, "a Monday is its own first working day");
        assert_eq!(month_label(month_number(today)), "2026-03");
    }
}
