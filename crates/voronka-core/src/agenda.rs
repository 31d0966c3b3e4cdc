//! Where a task stands on a manager's day: overdue, today, tomorrow or later, by the calendar
//! of the manager's own time zone.

use chrono::{DateTime, Days, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueGroup {
    Overdue,
    Today,
    Tomorrow,
    Later,
}

/// The group of an open task due at `due_at`, seen at `now` by someone in `zone`.
pub fn due_group(due_at: DateTime<Utc>, now: DateTime<Utc>, zone: Tz) -> DueGroup {
    if due_at < now {
        return DueGroup::Overdue;
    }
    let today = now.with_timezone(&zone).date_naive();
    let due = due_at.with_timezone(&zone).date_naive();
    if due == today {
        DueGroup::Today
    } else if Some(due) == today.checked_add_days(Days::new(1)) {
        DueGroup::Tomorrow
    } else {
        DueGroup::Later
    }
}

/// A user's zone, Kyiv when the stored name is unknown.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::Europe::Kyiv)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn days_follow_the_users_zone() {
        let kyiv = chrono_tz::Europe::Kyiv;
        // 21:30 UTC on 10 March is 23:30 in Kyiv.
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 21, 30, 0).unwrap();
        assert_eq!(
            due_group(now - chrono::Duration::minutes(1), now, kyiv),
            DueGroup::Overdue
        );
        assert_eq!(
            due_group(now + chrono::Duration::minutes(20), now, kyiv),
            DueGroup::Today,
            "23:50 Kyiv is still today"
        );
        assert_eq!(
            due_group(now + chrono::Duration::minutes(40), now, kyiv),
            DueGroup::Tomorrow,
            "00:10 Kyiv is tomorrow"
        );
        assert_eq!(
            due_group(now + chrono::Duration::minutes(40), now, chrono_tz::UTC),
            DueGroup::Today,
            "but 22:10 in UTC is today"
        );
        assert_eq!(due_group(now + chrono::Duration::days(2), now, kyiv), DueGroup::Later);
    }
}
