//! Ukraine's public holidays, the default days off of a new department (process settings). The
//! admin edits the list: while martial law suspends them as days off, say, or for another
//! country.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The holidays of `year` by the Labour Code (art. 73) as amended in 2023, in date order: New
/// Year, Women's Day, Orthodox Easter, Labour Day, Trinity, Constitution Day, Statehood Day,
/// Independence Day, Defenders' Day, Christmas. A holiday on a Saturday or Sunday also gives
/// the Monday after it off, as the code moves it.
pub fn ukrainian_holidays(year: i32) -> Vec<NaiveDate> {
    let fixed = [(1, 1), (3, 8), (5, 1), (6, 28), (7, 15), (8, 24), (10, 1), (12, 25)];
    let mut days: Vec<NaiveDate> = fixed
        .iter()
        .filter_map(|&(m, d)| NaiveDate::from_ymd_opt(year, m, d))
        .collect();
    if let Some(easter) = orthodox_easter(year) {
        days.push(easter);
        days.extend(easter.checked_add_days(Days::new(49)));
    }
    let moved: Vec<NaiveDate> = days
        .iter()
        .filter_map(|d| match d.weekday() {
            Weekday::Sat => d.checked_add_days(Days::new(2)),
            Weekday::Sun => d.checked_add_days(Days::new(1)),
            _ => None,
        })
        .collect();
    days.extend(moved);
    days.sort_unstable();
    days.dedup();
    days
}

/// Orthodox Easter Sunday of `year` in the Gregorian calendar: Meeus's Julian computus, then the
/// 13 days between the calendars (right from 1900 to 2099).
pub fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year.rem_euclid(4), year.rem_euclid(7), year.rem_euclid(19));
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)?.checked_add_days(Days::new(13))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        for (year, easter) in [
            (2024, "2024-05-05"),
            (2025, "2025-04-20"),
            (2026, "2026-04-12"),
            (2027, "2027-05-02"),
        ] {
            assert_eq!(orthodox_easter(year), Some(d(easter)), "{year}");
        }
    }

    #[test]
    fn the_holidays_of_2026_with_their_moved_mondays() {
        let days = ukrainian_holidays(2026);
        for day in [
            "2026-01-01",
            "2026-03-08",
            "2026-03-09", // Women's Day is a Sunday
            "2026-04-12",
            "2026-04-13", // Easter Monday
            "2026-05-01",
            "2026-05-31", // Trinity
            "2026-06-01",
            "2026-06-28",
            "2026-06-29",
            "2026-07-15",
            "2026-08-24",
            "2026-10-01",
            "2026-12-25",
        ] {
            assert!(days.contains(&d(day)), "{day}");
        }
        assert_eq!(days.len(), 14);
        assert!(days.windows(2).all(|w| w[0] < w[1]));
    }
}
