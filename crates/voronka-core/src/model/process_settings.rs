//! How the department works, set by the admin (DOMAIN.md "Setting up a department"): one record
//! per database, versioned and audited like the others. Until the admin first saves it the
//! department works by [`ProcessSettingsData::defaults`].

use super::{DEFAULT_TITLE_TEMPLATE, Meta, check_title_template, fields::*, record};
use crate::reports::{WorkCalendar, ukrainian_holidays};
use crate::types::Currency;
use crate::{Error, Result};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Tasks due more than this many days ahead count as planned too far, until the admin says
/// otherwise.
pub const DEFAULT_TASK_HORIZON_DAYS: i64 = 30;

fn default_task_horizon_days() -> i64 {
    DEFAULT_TASK_HORIZON_DAYS
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ProcessSettingsData {
    /// What a deal created without a title is called (see `deal_title`).
    pub title_template: String,
    /// Rule 1: a new lead's `contact_lead` task is due this many minutes after it comes in, and
    /// the lead response report counts the share handled within them.
    pub lead_response_minutes: i64,
    /// Time in stage: an open deal is stuck after this many days in one stage.
    pub stuck_days: i64,
    /// Activity: a client is idle after this many days without a call, email or meeting.
    pub idle_days: i64,
    /// Discipline: an open task due more than this many days ahead was planned too far (seed
    /// 003: a far-off date hides a call that did not find the client's need).
    #[serde(default = "default_task_horizon_days")]
    pub task_horizon_days: i64,
    /// ISO weekdays the department works (1 = Monday … 7 = Sunday), in order.
    pub working_days: Vec<u8>,
    /// Days off besides the weekly ones, in order.
    pub holidays: Vec<NaiveDate>,
    /// The currency of a deal, plan or client that names none, and of the reports' sums.
    pub default_currency: Currency,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ProcessSettings {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: ProcessSettingsData,
}
record!(ProcessSettings, ProcessSettingsData, "process_settings");

impl ProcessSettingsData {
    /// A new department's settings on `today`: 15 minutes for a lead, stuck after 14 days, idle
    /// after 30, Monday to Friday, Ukraine's public holidays of this year and the next, hryvnia.
    pub fn defaults(today: NaiveDate) -> ProcessSettingsData {
        let holidays = [today.year(), today.year() + 1]
            .into_iter()
            .flat_map(ukrainian_holidays)
            .collect();
        ProcessSettingsData {
            title_template: DEFAULT_TITLE_TEMPLATE.into(),
            lead_response_minutes: 15,
            stuck_days: 14,
            idle_days: 30,
            task_horizon_days: DEFAULT_TASK_HORIZON_DAYS,
            working_days: vec![1, 2, 3, 4, 5],
            holidays,
            default_currency: Currency::uah(),
        }
    }

    /// The working days the dashboard and the gong count.
    pub fn calendar(&self) -> WorkCalendar {
        WorkCalendar::new(&self.working_days, &self.holidays)
    }
}

/// The settings form's values.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct ProcessSettingsInput {
    pub title_template: String,
    pub lead_response_minutes: i64,
    pub stuck_days: i64,
    pub idle_days: i64,
    /// Left out: the default, [`DEFAULT_TASK_HORIZON_DAYS`].
    pub task_horizon_days: Option<i64>,
    pub working_days: Vec<u8>,
    /// "YYYY-MM-DD" each.
    pub holidays: Vec<String>,
    pub default_currency: String,
}

impl ProcessSettingsInput {
    pub fn validate(&self) -> Result<ProcessSettingsData> {
        let within = |value: i64, field: &str, max: i64, unit: &str| {
            if (1..=max).contains(&value) {
                Ok(value)
            } else {
                Err(Error::invalid(field, format!("between 1 and {max} {unit}")))
            }
        };
        if self.working_days.is_empty() {
            return Err(Error::invalid("working_days", "choose at least one working day"));
        }
        let mut working_days = Vec::with_capacity(self.working_days.len());
        for (i, day) in self.working_days.iter().enumerate() {
            if !(1..=7).contains(day) {
                return Err(Error::invalid(
                    format!("working_days[{i}]"),
                    format!("{day} is not a weekday (1 = Monday … 7 = Sunday)"),
                ));
            }
            if !working_days.contains(day) {
                working_days.push(*day);
            }
        }
        working_days.sort_unstable();
        let mut holidays = Vec::with_capacity(self.holidays.len());
        for (i, raw) in self.holidays.iter().enumerate() {
            let day = date(raw, &format!("holidays[{i}]"))?;
            if !holidays.contains(&day) {
                holidays.push(day);
            }
        }
        holidays.sort_unstable();
        Ok(ProcessSettingsData {
            title_template: check_title_template(&self.title_template)?,
            lead_response_minutes: within(self.lead_response_minutes, "lead_response_minutes", 1440, "minutes")?,
            stuck_days: within(self.stuck_days, "stuck_days", 3650, "days")?,
            idle_days: within(self.idle_days, "idle_days", 3650, "days")?,
            task_horizon_days: within(
                self.task_horizon_days.unwrap_or(DEFAULT_TASK_HORIZON_DAYS),
                "task_horizon_days",
                3650,
                "days",
            )?,
            working_days,
            holidays,
            default_currency: Currency::parse(&self.default_currency).map_err(|e| e.on("default_currency"))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProcessSettingsInput {
        ProcessSettingsInput {
            title_template: "{company} — {product}".into(),
            lead_response_minutes: 30,
            stuck_days: 10,
            idle_days: 45,
            task_horizon_days: Some(21),
            working_days: vec![6, 1, 2, 1],
            holidays: vec!["2026-05-01".into(), "2026-01-01".into()],
            default_currency: "eur".into(),
        }
    }

    #[test]
    fn settings_are_validated_field_by_field() {
        let data = input().validate().unwrap();
        assert_eq!(data.working_days, vec![1, 2, 6], "each day once, in order");
        assert_eq!(data.holidays[0].to_string(), "2026-01-01");
        assert_eq!(data.default_currency.as_str(), "EUR");
        let field = |f: fn(&mut ProcessSettingsInput)| {
            let mut i = input();
            f(&mut i);
            i.validate().unwrap_err().field
        };
        assert_eq!(
            field(|i| i.title_template = "{x}".into()).as_deref(),
            Some("title_template")
        );
        assert_eq!(
            field(|i| i.lead_response_minutes = 0).as_deref(),
            Some("lead_response_minutes")
        );
        assert_eq!(field(|i| i.stuck_days = 0).as_deref(), Some("stuck_days"));
        assert_eq!(field(|i| i.idle_days = 9999).as_deref(), Some("idle_days"));
        assert_eq!(
            field(|i| i.task_horizon_days = Some(0)).as_deref(),
            Some("task_horizon_days")
        );
        let mut left_out = input();
        left_out.task_horizon_days = None;
        assert_eq!(
            left_out.validate().unwrap().task_horizon_days,
            DEFAULT_TASK_HORIZON_DAYS
        );
        assert_eq!(field(|i| i.working_days = vec![]).as_deref(), Some("working_days"));
        assert_eq!(
            field(|i| i.working_days = vec![1, 8]).as_deref(),
            Some("working_days[1]")
        );
        assert_eq!(
            field(|i| i.holidays = vec!["2026-01-01".into(), "31.12".into()]).as_deref(),
            Some("holidays[1]")
        );
        assert_eq!(
            field(|i| i.default_currency = "гривня".into()).as_deref(),
            Some("default_currency")
        );
    }

    #[test]
    fn the_defaults_hold_this_and_next_years_holidays() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let d = ProcessSettingsData::defaults(today);
        assert!(d.holidays.contains(&NaiveDate::from_ymd_opt(2026, 8, 24).unwrap()));
        assert!(d.holidays.contains(&NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
        assert!(d.holidays.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(d.working_days, vec![1, 2, 3, 4, 5]);
    }
}
