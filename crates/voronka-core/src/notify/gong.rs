use crate::Id;
use crate::reports::WorkCalendar;
use crate::types::Currency;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GongKind {
    /// A deal entered a won stage.
    Won,
    /// A payment was marked paid.
    Paid,
}

impl GongKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GongKind::Won => "won",
            GongKind::Paid => "paid",
        }
    }
}

/// Rule 8: a won deal or a paid payment, rung for the whole team. Written in the transaction
/// that won the deal or marked the payment paid; `seq` grows in commit order, so "every event
/// after the last one I saw" is a complete catch-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct GongEvent {
    pub seq: i64,
    pub kind: GongKind,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub at: DateTime<Utc>,
    /// Whose deal it is (its owner).
    pub user_id: Id,
    pub user_name: String,
    pub company_name: Option<String>,
    pub deal_id: Id,
    pub deal_title: String,
    pub payment_id: Option<Id>,
    /// Minor units of `currency`: the deal's amount when won, the payment's when paid.
    pub amount: i64,
    pub currency: Currency,
    /// The team's standing right after this event.
    pub progress: TeamProgress,
}

/// The team's progress to its plan on a day, as the dashboard counts it (DOMAIN.md "Dashboard"):
///
/// - `plan`: the team plan of the month (the plan without a user); when there is none, the sum
///   of the managers' plans of the month.
/// - `fact`: payments received (paid) in the month, in the plan's currency.
/// - `expected_to_date = plan × elapsed working days / working days of the month`, working days
///   being the department's (its weekdays less its holidays) and today counting as elapsed.
/// - `today_share = fact / expected_to_date` ("are we where we should be by today"),
///   `month_share = fact / plan`; both as fractions (1.0 = 100 %), `None` when the divisor is 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct TeamProgress {
    /// "YYYY-MM".
    pub month: String,
    pub day: NaiveDate,
    pub currency: Currency,
    pub plan: i64,
    pub fact: i64,
    pub expected_to_date: i64,
    /// Basis points (10 000 = 100 %) of `fact / expected_to_date`.
    pub today_share_bp: Option<i64>,
    /// Basis points (10 000 = 100 %) of `fact / plan`.
    pub month_share_bp: Option<i64>,
}

impl TeamProgress {
    pub fn compute(day: NaiveDate, calendar: &WorkCalendar, currency: Currency, plan: i64, fact: i64) -> TeamProgress {
        let (elapsed, total) = (
            calendar.working_days_elapsed(day, day),
            calendar.working_days_in_month(day),
        );
        let expected_to_date = if total == 0 {
            0
        } else {
            (i128::from(plan) * i128::from(elapsed) / i128::from(total)) as i64
        };
        let share = |of: i64| (of > 0).then(|| (i128::from(fact) * 10_000 / i128::from(of)) as i64);
        TeamProgress {
            month: format!("{:04}-{:02}", day.year(), day.month()),
            day,
            currency,
            plan,
            fact,
            expected_to_date,
            today_share_bp: share(expected_to_date),
            month_share_bp: share(plan),
        }
    }

    /// The first day of `day`'s month and of the next one: the month `fact` counts.
    pub fn month_bounds(day: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first = day.with_day(1).unwrap_or(day);
        let next = first.checked_add_months(chrono::Months::new(1)).unwrap_or(first);
        (first, next)
    }
}
