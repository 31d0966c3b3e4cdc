use crate::{Error, Result};
use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// One user's notification choices. Stored as one record per user; a user who never saved any
/// gets [`NotificationSettings::default`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct NotificationSettings {
    /// Minutes before a task's due time its reminder comes; 0 turns reminders off.
    pub reminder_lead_minutes: i64,
    /// Tell the assignee the moment a task becomes overdue.
    pub overdue_at_due: bool,
    /// The head of sales gets a digest of the team's overdue tasks this often while any exist.
    pub head_digest_minutes: i64,
    /// Local times ("HH:MM", in the user's time zone) of the "report your results" check-ins.
    pub check_in_times: Vec<String>,
    /// ISO weekday numbers (1 = Monday … 7 = Sunday) on which check-ins come.
    pub working_days: Vec<u8>,
    /// Gongs are shown but make no sound.
    pub gong_muted: bool,
    /// When more notifications than this fall due in one tick (the laptop slept), they come as
    /// one digest instead of a flood.
    pub catch_up_threshold: i64,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        NotificationSettings {
            reminder_lead_minutes: 15,
            overdue_at_due: true,
            head_digest_minutes: 60,
            check_in_times: vec!["11:00".into(), "14:00".into(), "16:00".into()],
            working_days: vec![1, 2, 3, 4, 5],
            gong_muted: false,
            catch_up_threshold: 5,
        }
    }
}

impl NotificationSettings {
    /// Refuses values the scheduler cannot use, naming the field (`check_in_times[1]`, …).
    pub fn validate(&self) -> Result<()> {
        if !(0..=24 * 60).contains(&self.reminder_lead_minutes) {
            return Err(Error::invalid(
                "reminder_lead_minutes",
                "a reminder comes 0 to 1440 minutes before the due time",
            ));
        }
        if !(5..=24 * 60).contains(&self.head_digest_minutes) {
            return Err(Error::invalid(
                "head_digest_minutes",
                "the overdue digest comes every 5 to 1440 minutes",
            ));
        }
        if !(1..=1000).contains(&self.catch_up_threshold) {
            return Err(Error::invalid(
                "catch_up_threshold",
                "the catch-up threshold is 1 to 1000 notifications",
            ));
        }
        let mut seen = Vec::new();
        for (i, raw) in self.check_in_times.iter().enumerate() {
            let time = parse_time(raw).ok_or_else(|| {
                Error::invalid(
                    format!("check_in_times[{i}]"),
                    format!("«{raw}» is not a time like 11:00"),
                )
            })?;
            if seen.contains(&time) {
                return Err(Error::invalid(
                    format!("check_in_times[{i}]"),
                    format!("{raw} is listed twice"),
                ));
            }
            seen.push(time);
        }
        for (i, day) in self.working_days.iter().enumerate() {
            if !(1..=7).contains(day) {
                return Err(Error::invalid(
                    format!("working_days[{i}]"),
                    "a working day is 1 (Monday) to 7 (Sunday)",
                ));
            }
            if self.working_days[..i].contains(day) {
                return Err(Error::invalid(format!("working_days[{i}]"), "a day is listed twice"));
            }
        }
        Ok(())
    }

    /// The check-in times in order of the day; unparsable entries (refused by `validate`) are
    /// left out.
    pub fn check_ins(&self) -> Vec<NaiveTime> {
        let mut times: Vec<NaiveTime> = self.check_in_times.iter().filter_map(|t| parse_time(t)).collect();
        times.sort();
        times.dedup();
        times
    }

    pub fn is_working_day(&self, day: Weekday) -> bool {
        self.working_days
            .iter()
            .any(|d| u32::from(*d) == day.number_from_monday())
    }
}

fn parse_time(raw: &str) -> Option<NaiveTime> {
    let raw = raw.trim();
    if raw.len() != 5 {
        return None;
    }
    NaiveTime::parse_from_str(raw, "%H:%M").ok()
}
