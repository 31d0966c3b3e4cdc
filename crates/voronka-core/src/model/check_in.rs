//! A manager's answer at a check-in (DOMAIN.md "Notifications": "report your results" at 11:00,
//! 14:00, 16:00): calls made, meetings, payments expected today and a comment, one per user and
//! check-in. The head sees, per check-in, who answered and who did not.

use super::opt_text;
use crate::types::{Currency, Money};
use crate::{Error, Id, Result};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

/// A check-in as its notification names it: the local date and time, "YYYY-MM-DDTHH:MM".
pub const SLOT_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// The most calls or meetings one answer may report (more is a typing slip).
pub const MAX_REPORTED: i64 = 10_000;

/// The dialog's values.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct CheckInInput {
    /// The check-in answered, "YYYY-MM-DDTHH:MM" in the user's time zone.
    pub slot: String,
    pub calls: i64,
    pub meetings: i64,
    /// Typed amount ("12 000,50"); blank is zero.
    pub payments_expected: Option<String>,
    pub comment: Option<String>,
}

/// An answer as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct CheckInAnswer {
    pub user_id: Id,
    pub slot: String,
    /// The check-in's instant.
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub slot_at: DateTime<Utc>,
    pub calls: i64,
    pub meetings: i64,
    /// Minor units of `currency`.
    pub payments_expected: i64,
    pub currency: String,
    pub comment: Option<String>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub answered_at: DateTime<Utc>,
}

/// The checked values of an answer: the slot as a local time, and the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInValues {
    pub slot: NaiveDateTime,
    pub calls: i64,
    pub meetings: i64,
    pub payments_expected: i64,
    pub comment: Option<String>,
}

impl CheckInInput {
    /// Each value on its own field; the payments in `currency` (the department's).
    pub fn validate(&self, currency: &Currency) -> Result<CheckInValues> {
        let slot = NaiveDateTime::parse_from_str(self.slot.trim(), SLOT_FORMAT).map_err(|_| {
            Error::invalid(
                "slot",
                format!("«{}» is not a check-in like 2026-03-10T11:00", self.slot),
            )
        })?;
        let count = |value: i64, field: &str| {
            if (0..=MAX_REPORTED).contains(&value) {
                Ok(value)
            } else {
                Err(Error::invalid(field, format!("between 0 and {MAX_REPORTED}")))
            }
        };
        let payments_expected = match self
            .payments_expected
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            Some(a) => Money::parse(a, currency.clone(), "payments_expected")?.minor,
            None => 0,
        };
        if payments_expected < 0 {
            return Err(Error::invalid(
                "payments_expected",
                "the payments expected cannot be negative",
            ));
        }
        Ok(CheckInValues {
            slot,
            calls: count(self.calls, "calls")?,
            meetings: count(self.meetings, "meetings")?,
            payments_expected,
            comment: opt_text(self.comment.as_deref(), "comment", 2_000)?,
        })
    }
}

/// One user's check-in of a day, answered or not: a row of the head's view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct CheckInStatus {
    pub user_id: Id,
    pub name: String,
    pub slot: String,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub slot_at: DateTime<Utc>,
    pub answer: Option<CheckInAnswer>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CheckInInput {
        CheckInInput {
            slot: "2026-03-10T11:00".into(),
            calls: 12,
            meetings: 1,
            payments_expected: Some("15 000,50".into()),
            comment: Some("  Чекаю оплату від ТОВ Дах ".into()),
        }
    }

    #[test]
    fn an_answer_is_checked_field_by_field() {
        let v = input().validate(&Currency::uah()).unwrap();
        assert_eq!((v.calls, v.meetings, v.payments_expected), (12, 1, 1_500_050));
        assert_eq!(v.comment.as_deref(), Some("Чекаю оплату від ТОВ Дах"));
        assert_eq!(v.slot.format(SLOT_FORMAT).to_string(), "2026-03-10T11:00");
        let field = |f: fn(&mut CheckInInput)| {
            let mut i = input();
            f(&mut i);
            i.validate(&Currency::uah()).unwrap_err().field.unwrap()
        };
        assert_eq!(field(|i| i.slot = "11:00".into()), "slot");
        assert_eq!(field(|i| i.calls = -1), "calls");
        assert_eq!(field(|i| i.meetings = MAX_REPORTED + 1), "meetings");
        assert_eq!(
            field(|i| i.payments_expected = Some("багато".into())),
            "payments_expected"
        );
    }
}
