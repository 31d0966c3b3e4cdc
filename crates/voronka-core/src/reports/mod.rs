//! The head of sales' reports (DOMAIN.md "Reports"): what each one means, as types and the pure
//! parts of their definitions. The store aggregates the figures in the database and fills these
//! results; [`table`] shows any of them as plain tables for the screen and the XLSX export.
//!
//! Conventions shared by every report:
//! - A period is a range of whole UTC days, both ends included.
//! - Money is integer minor units. Sums add the stored amounts as they are: a team keeps one
//!   currency (UAH unless set otherwise), and a report names it in its `currency`.
//! - Decimal figures are rounded here, to fixed places ([`round`]), so that a report reads the
//!   same from SQLite and from PostgreSQL.
//! - Lists that can grow with the database (stuck deals, overdue tasks, idle companies) are
//!   capped at [`LIST_LIMIT`] rows, most urgent first, and carry their full count.

mod abc_xyz;
mod activity;
mod calendar;
mod dashboard;
mod discipline;
mod export;
mod funnel;
mod holidays;
mod lead_response;
mod loss_reasons;
mod new_vs_existing;
mod payment_plan;
pub mod table;
mod time_in_stage;

pub use abc_xyz::*;
pub use activity::*;
pub use calendar::*;
pub use dashboard::*;
pub use discipline::*;
pub use export::*;
pub use funnel::*;
pub use holidays::*;
pub use lead_response::*;
pub use loss_reasons::*;
pub use new_vs_existing::*;
pub use payment_plan::*;
pub use table::{Cell, Column, ColumnKind, ReportTable, Tabular};
pub use time_in_stage::*;

use crate::{Error, Id, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The most rows a report's open-ended list carries; its `…_total` says how many there are.
pub const LIST_LIMIT: i64 = 1_000;

/// What every report is filtered by: a period of days (both ends included), and optionally one
/// pipeline and one manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ReportFilter {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(default)]
    pub pipeline_id: Option<Id>,
    #[serde(default)]
    pub manager_id: Option<Id>,
}

impl ReportFilter {
    /// The filter, or `invalid` on `to` when the period ends before it starts.
    pub fn validate(&self) -> Result<&ReportFilter> {
        if self.from > self.to {
            return Err(Error::invalid(
                "to",
                format!("the period ends ({}) before it starts ({})", self.to, self.from),
            ));
        }
        if (self.to - self.from).num_days() > 366 * 10 {
            return Err(Error::invalid("from", "a report covers at most ten years"));
        }
        Ok(self)
    }
}

/// Thresholds of the reports that have one. A missing one is the department's own (process
/// settings: `stuck_days`, `idle_days`); the CLI's flags set them for one run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct ReportOptions {
    /// Time in stage: an open deal is stuck after this many days in one stage.
    pub stuck_after_days: Option<i64>,
    /// Activity: a company is idle after this many days without a call, email or meeting.
    pub idle_after_days: Option<i64>,
}

impl ReportOptions {
    pub fn validate(&self) -> Result<&ReportOptions> {
        if self.stuck_after_days.is_some_and(|d| !(1..=3650).contains(&d)) {
            return Err(Error::invalid("stuck_after_days", "between 1 and 3650 days"));
        }
        if self.idle_after_days.is_some_and(|d| !(1..=3650).contains(&d)) {
            return Err(Error::invalid("idle_after_days", "between 1 and 3650 days"));
        }
        Ok(self)
    }
}

/// The reports by their names on the command line and in the UI's routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ReportName {
    Dashboard,
    PaymentPlan,
    Funnel,
    TimeInStage,
    Discipline,
    LossReasons,
    LeadResponse,
    NewVsExisting,
    AbcXyz,
    Activity,
}

impl ReportName {
    pub const ALL: [ReportName; 10] = [
        ReportName::Dashboard,
        ReportName::PaymentPlan,
        ReportName::Funnel,
        ReportName::TimeInStage,
        ReportName::Discipline,
        ReportName::LossReasons,
        ReportName::LeadResponse,
        ReportName::NewVsExisting,
        ReportName::AbcXyz,
        ReportName::Activity,
    ];

    /// How the report is called on a cover sheet or a window title.
    pub fn title(self) -> &'static str {
        match self {
            ReportName::Dashboard => "Plan and fact",
            ReportName::PaymentPlan => "Weekly payment plan",
            ReportName::Funnel => "Sales funnel",
            ReportName::TimeInStage => "Time in stage",
            ReportName::Discipline => "Discipline",
            ReportName::LossReasons => "Loss reasons",
            ReportName::LeadResponse => "Lead response time",
            ReportName::NewVsExisting => "New and existing clients",
            ReportName::AbcXyz => "ABC / XYZ",
            ReportName::Activity => "Activity",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReportName::Dashboard => "dashboard",
            ReportName::PaymentPlan => "payment-plan",
            ReportName::Funnel => "funnel",
            ReportName::TimeInStage => "time-in-stage",
            ReportName::Discipline => "discipline",
            ReportName::LossReasons => "loss-reasons",
            ReportName::LeadResponse => "lead-response",
            ReportName::NewVsExisting => "new-vs-existing",
            ReportName::AbcXyz => "abc-xyz",
            ReportName::Activity => "activity",
        }
    }
}

impl fmt::Display for ReportName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ReportName {
    type Err = Error;
    fn from_str(s: &str) -> Result<ReportName> {
        ReportName::ALL
            .into_iter()
            .find(|n| n.as_str() == s.trim())
            .ok_or_else(|| {
                let names: Vec<&str> = ReportName::ALL.iter().map(|n| n.as_str()).collect();
                Error::invalid("report", format!("no report «{s}»; one of: {}", names.join(", ")))
            })
    }
}

/// Any report's result as `{"name": …, "data": {…}}`: what a generic screen or exporter
/// receives, the name telling which report's data follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(tag = "name", content = "data", rename_all = "kebab-case")]
pub enum Report {
    Dashboard(Dashboard),
    PaymentPlan(PaymentPlan),
    Funnel(Funnel),
    TimeInStage(TimeInStage),
    Discipline(Discipline),
    LossReasons(LossReasons),
    LeadResponse(LeadResponse),
    NewVsExisting(NewVsExisting),
    AbcXyz(AbcXyz),
    Activity(ActivityReport),
}

impl Report {
    pub fn name(&self) -> ReportName {
        match self {
            Report::Dashboard(_) => ReportName::Dashboard,
            Report::PaymentPlan(_) => ReportName::PaymentPlan,
            Report::Funnel(_) => ReportName::Funnel,
            Report::TimeInStage(_) => ReportName::TimeInStage,
            Report::Discipline(_) => ReportName::Discipline,
            Report::LossReasons(_) => ReportName::LossReasons,
            Report::LeadResponse(_) => ReportName::LeadResponse,
            Report::NewVsExisting(_) => ReportName::NewVsExisting,
            Report::AbcXyz(_) => ReportName::AbcXyz,
            Report::Activity(_) => ReportName::Activity,
        }
    }
}

impl Tabular for Report {
    fn tables(&self) -> Vec<ReportTable> {
        match self {
            Report::Dashboard(r) => r.tables(),
            Report::PaymentPlan(r) => r.tables(),
            Report::Funnel(r) => r.tables(),
            Report::TimeInStage(r) => r.tables(),
            Report::Discipline(r) => r.tables(),
            Report::LossReasons(r) => r.tables(),
            Report::LeadResponse(r) => r.tables(),
            Report::NewVsExisting(r) => r.tables(),
            Report::AbcXyz(r) => r.tables(),
            Report::Activity(r) => r.tables(),
        }
    }
}

/// A person a report row is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Person {
    pub id: Id,
    pub name: String,
}

/// A stage a report row is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct StageRef {
    pub id: Id,
    pub name: String,
    pub pipeline_id: Id,
    pub position: i64,
}

/// `x` rounded half away from zero to `places` decimals.
pub fn round(x: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    let r = (x * factor).round() / factor;
    // -0.0 would print as "-0.0".
    if r == 0.0 { 0.0 } else { r }
}

/// `part` of `whole` in percent, one decimal; `None` when the whole is zero.
pub fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole != 0).then(|| round(part as f64 * 100.0 / whole as f64, 1))
}

/// `amount × probability %` in minor units, rounded half away from zero.
pub fn weighted(amount_times_percent: i64) -> i64 {
    div_round(amount_times_percent, 100)
}

/// Integer division rounded half away from zero.
pub fn div_round(n: i64, d: i64) -> i64 {
    if d == 0 {
        return 0;
    }
    let (q, r) = (n / d, n % d);
    if 2 * r.abs() >= d.abs() {
        q + n.signum() * d.signum()
    } else {
        q
    }
}

/// Milliseconds as days, two decimals.
pub fn ms_to_days(ms: f64) -> f64 {
    round(ms / 86_400_000.0, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_must_not_end_before_it_starts() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let bad = ReportFilter {
            from: d("2026-03-10"),
            to: d("2026-03-09"),
            pipeline_id: None,
            manager_id: None,
        };
        let err = bad.validate().unwrap_err();
        assert_eq!(
            err.field.as_deref(),
            Some("to"),
            "the end of the period is what is wrong"
        );
        let one_day = ReportFilter {
            to: d("2026-03-10"),
            ..bad
        };
        assert!(one_day.validate().is_ok(), "a one-day period is fine");
    }

    #[test]
    fn names_round_trip_and_unknown_ones_are_refused() {
        for n in ReportName::ALL {
            assert_eq!(n.as_str().parse::<ReportName>().unwrap(), n);
            assert_eq!(serde_json::to_value(n).unwrap(), serde_json::json!(n.as_str()));
        }
        assert_eq!(
            "sales".parse::<ReportName>().unwrap_err().field.as_deref(),
            Some("report")
        );
    }

    #[test]
    fn options_left_out_are_the_departments() {
        let o: ReportOptions = serde_json::from_str(r#"{"idle_after_days": 60}"#).unwrap();
        assert_eq!((o.stuck_after_days, o.idle_after_days), (None, Some(60)));
        assert!(o.validate().is_ok());
        let bad = ReportOptions {
            stuck_after_days: Some(0),
            ..o
        };
        assert_eq!(bad.validate().unwrap_err().field.as_deref(), Some("stuck_after_days"));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(div_round(250, 100), 3, "2.5 → 3");
        assert_eq!(div_round(249, 100), 2);
        assert_eq!(div_round(-250, 100), -3);
        assert_eq!(weighted(1_000_050 * 30), 300_015, "1 000 050 × 30 % = 300 015");
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(5, 0), None);
        assert_eq!(ms_to_days(1.5 * 86_400_000.0), 1.5);
    }
}

/// A report with its tables, as a screen shows it: the data for its chart and the tables that
/// [`Tabular`] derives from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ReportView {
    pub data: Report,
    pub tables: Vec<ReportTable>,
}

impl From<Report> for ReportView {
    fn from(data: Report) -> ReportView {
        let tables = data.tables();
        ReportView { data, tables }
    }
}
