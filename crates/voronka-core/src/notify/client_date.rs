//! Reminders of clients' important dates (DOMAIN.md: contacts' birthdays, companies' holidays
//! and anniversaries), a day ahead, to the client's owner: the relationship is theirs to keep.

use super::scheduler::local_instant;
use super::{Notification, NotificationKind, Recipient};
use crate::Id;
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// The local time of the day before a date when its reminder comes: 09:00.
pub fn reminder_time() -> NaiveTime {
    NaiveTime::MIN + chrono::Duration::hours(9)
}

/// A date of a client's, recurring every year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ClientDate {
    /// "contact" or "company".
    pub entity: String,
    pub entity_id: Id,
    /// The contact's or the company's name.
    pub name: String,
    /// What happens: "birthday" for a contact's birthday, else the date's own label.
    pub label: String,
    /// The date as recorded (its year is the first one).
    pub date: NaiveDate,
    /// The coming occurrence a reminder is about.
    pub on: NaiveDate,
}

/// The local days whose reminder time falls in `(since, now]` for `who`: the days before the
/// dates to remind of. Empty on nearly every tick, so the store reads the clients' dates only
/// when one has come.
pub fn reminder_days(who: &Recipient, since: DateTime<Utc>, now: DateTime<Utc>) -> Vec<NaiveDate> {
    let zone = who.time_zone;
    let mut day = since.with_timezone(&zone).date_naive();
    let last = now.with_timezone(&zone).date_naive();
    let mut out = Vec::new();
    while day <= last {
        if let Some(at) = local_instant(zone, day, reminder_time())
            && since < at
            && at <= now
        {
            out.push(day);
        }
        day = match day.checked_add_days(Days::new(1)) {
            Some(d) => d,
            None => break,
        };
    }
    out
}

/// Whether a date recurring every year from `date` falls on `day` (a 29 February on the 28th in
/// other years, so it is not skipped).
pub fn recurs_on(date: NaiveDate, day: NaiveDate) -> bool {
    if day < date {
        return false;
    }
    if (date.month(), date.day()) == (day.month(), day.day()) {
        return true;
    }
    let leap = NaiveDate::from_ymd_opt(day.year(), 2, 29).is_some();
    (date.month(), date.day()) == (2, 29) && !leap && (day.month(), day.day()) == (2, 28)
}

/// The reminder of `date`, due at its reminder time the day before; once per user and date of
/// each year.
pub fn reminder(who: &Recipient, date: &ClientDate, due_at: DateTime<Utc>) -> Notification {
    Notification {
        title: date.name.clone(),
        client_date: Some(date.clone()),
        ..Notification::new(
            who.user_id,
            NotificationKind::ClientDate,
            format!("date:{}:{}:{}:{}", date.entity_id, date.label, date.date, date.on),
            due_at,
        )
    }
}

/// Every reminder due for `who` in `(since, now]` among `dates` (the recipient's clients'
/// dates, any day).
pub fn due_reminders(
    who: &Recipient,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    dates: &[ClientDate],
) -> Vec<Notification> {
    let mut out = Vec::new();
    for day in reminder_days(who, since, now) {
        let Some(on) = day.succ_opt() else { continue };
        let Some(due_at) = local_instant(who.time_zone, day, reminder_time()) else {
            continue;
        };
        for d in dates.iter().filter(|d| recurs_on(d.date, on)) {
            let date = ClientDate { on, ..d.clone() };
            out.push(reminder(who, &date, due_at));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;
    use crate::notify::NotificationSettings;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn who() -> Recipient {
        Recipient {
            user_id: Id(uuid::Uuid::from_u128(1)),
            role: Role::Manager,
            time_zone: chrono_tz::Europe::Kyiv,
            settings: NotificationSettings::default(),
        }
    }

    fn birthday(date: NaiveDate) -> ClientDate {
        ClientDate {
            entity: "contact".into(),
            entity_id: Id(uuid::Uuid::from_u128(7)),
            name: "Іван Петренко".into(),
            label: "birthday".into(),
            date,
            on: date,
        }
    }

    #[test]
    fn a_birthday_is_told_the_day_before_at_nine_local_once_a_year() {
        let dates = [birthday(day(1980, 3, 11))];
        // 09:00 in Kyiv on 10 March 2026 is 07:00 UTC.
        let nine = Utc.with_ymd_and_hms(2026, 3, 10, 7, 0, 0).unwrap();
        let shown = due_reminders(&who(), nine - chrono::Duration::minutes(1), nine, &dates);
        assert_eq!(shown.len(), 1);
        assert_eq!(
            shown[0].key,
            format!("date:{}:birthday:1980-03-11:2026-03-11", dates[0].entity_id)
        );
        assert_eq!(shown[0].client_date.as_ref().unwrap().on, day(2026, 3, 11));
        assert!(
            due_reminders(&who(), nine, nine + chrono::Duration::hours(5), &dates).is_empty(),
            "not again the same day"
        );
        let next_year = Utc.with_ymd_and_hms(2027, 3, 10, 7, 0, 0).unwrap();
        let again = due_reminders(&who(), next_year - chrono::Duration::hours(1), next_year, &dates);
        assert_ne!(again[0].key, shown[0].key, "next year's is another event");
    }

    #[test]
    fn a_leap_day_recurs_on_the_28th_and_a_future_date_not_before_it_is() {
        assert!(recurs_on(day(2000, 2, 29), day(2027, 2, 28)));
        assert!(!recurs_on(day(2000, 2, 29), day(2028, 2, 28)));
        assert!(recurs_on(day(2000, 2, 29), day(2028, 2, 29)));
        assert!(!recurs_on(day(2030, 5, 1), day(2026, 5, 1)), "a date not yet reached");
    }
}
