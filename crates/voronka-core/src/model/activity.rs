use super::{Meta, fields::*, record};
use crate::{Error, Id, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Note,
    Call,
    Email,
    Meeting,
    StageChange,
    TaskResult,
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Inbound,
    Outbound,
}

/// What a kind of activity records beyond its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ActivityDetails {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub direction: Option<Direction>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub duration_s: Option<i64>,
    /// A call's outcome: "reached", "no_answer", "busy", "voicemail", ...
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub outcome: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub subject: Option<String>,
    /// For stage changes: the stages left and entered.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub from_stage_id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub to_stage_id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub task_id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub path: Option<String>,
    /// For a document kept in the database: which one, to open it from the timeline.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub document_id: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ActivityData {
    pub kind: ActivityKind,
    pub deal_id: Option<Id>,
    pub company_id: Option<Id>,
    pub contact_id: Option<Id>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub occurred_at: DateTime<Utc>,
    pub body: Option<String>,
    pub details: ActivityDetails,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Activity {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: ActivityData,
    pub author_id: Id,
}
record!(Activity, ActivityData, "activity");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ActivityInput {
    pub kind: ActivityKind,
    pub deal_id: Option<Id>,
    pub company_id: Option<Id>,
    pub contact_id: Option<Id>,
    /// When it happened; the present when left out.
    #[serde(with = "chrono::serde::ts_milliseconds_option", default)]
    #[cfg_attr(feature = "bindings", specta(type = Option<i64>))]
    pub occurred_at: Option<DateTime<Utc>>,
    pub body: Option<String>,
    #[serde(default)]
    pub details: ActivityDetails,
}

impl ActivityInput {
    pub fn validate(&self, now: DateTime<Utc>) -> Result<ActivityData> {
        if self.deal_id.is_none() && self.company_id.is_none() && self.contact_id.is_none() {
            return Err(Error::invalid(
                "deal_id",
                "an activity belongs to a deal, a company or a contact",
            ));
        }
        let body = opt_text(self.body.as_deref(), "body", 20_000)?;
        if self.kind == ActivityKind::Note && body.is_none() {
            return Err(Error::invalid("body", "a note needs text"));
        }
        let mut details = self.details.clone();
        details.duration_s = non_negative(details.duration_s, "duration_s")?;
        details.outcome = opt_text(details.outcome.as_deref(), "outcome", 60)?;
        details.subject = opt_text(details.subject.as_deref(), "subject", 300)?;
        if self.kind == ActivityKind::Call && details.direction.is_none() {
            details.direction = Some(Direction::Outbound);
        }
        Ok(ActivityData {
            kind: self.kind,
            deal_id: self.deal_id,
            company_id: self.company_id,
            contact_id: self.contact_id,
            occurred_at: self.occurred_at.unwrap_or(now),
            body,
            details,
        })
    }
}
