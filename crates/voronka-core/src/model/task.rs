use super::{Meta, record};
use crate::types::ShortText;
use crate::{Error, Id, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    Call,
    Meeting,
    Email,
    Proposal,
    ContactLead,
    ReviewLost,
    Other,
}

impl TaskKind {
    /// The kinds a person may plan: a `review_lost` task comes only from losing a deal (rule 5).
    pub const PLANNABLE: [TaskKind; 6] = [
        TaskKind::Call,
        TaskKind::Meeting,
        TaskKind::Email,
        TaskKind::Proposal,
        TaskKind::ContactLead,
        TaskKind::Other,
    ];

    /// Every kind, in the order a form lists them.
    pub const ALL: [TaskKind; 7] = [
        TaskKind::Call,
        TaskKind::Meeting,
        TaskKind::Email,
        TaskKind::Proposal,
        TaskKind::ContactLead,
        TaskKind::ReviewLost,
        TaskKind::Other,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct TaskData {
    pub kind: TaskKind,
    pub title: ShortText,
    pub deal_id: Option<Id>,
    pub company_id: Option<Id>,
    pub contact_id: Option<Id>,
    pub assignee_id: Id,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub due_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Task {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: TaskData,
    pub author_id: Id,
    #[serde(with = "chrono::serde::ts_milliseconds_option", default)]
    #[cfg_attr(feature = "bindings", specta(type = Option<i64>))]
    pub done_at: Option<DateTime<Utc>>,
    pub result: Option<String>,
}
record!(Task, TaskData, "task");

impl Task {
    /// Past its due time and not done.
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        self.done_at.is_none() && self.data.due_at < now
    }
}

/// A move of an overdue task's due time and why it was made (see
/// [`crate::rules::reschedule_reason`]), kept beside the task's audit entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct TaskReschedule {
    pub id: Id,
    pub task_id: Id,
    /// Who moved it.
    pub user_id: Id,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub from_due_at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub to_due_at: DateTime<Utc>,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct TaskInput {
    pub kind: TaskKind,
    pub title: String,
    pub deal_id: Option<Id>,
    pub company_id: Option<Id>,
    pub contact_id: Option<Id>,
    pub assignee_id: Option<Id>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub due_at: DateTime<Utc>,
}

impl TaskInput {
    pub fn validate(&self, default_assignee: Id) -> Result<TaskData> {
        Ok(TaskData {
            kind: self.kind,
            title: ShortText::parse(&self.title).map_err(|e| e.on("title"))?,
            deal_id: self.deal_id,
            company_id: self.company_id,
            contact_id: self.contact_id,
            assignee_id: self.assignee_id.unwrap_or(default_assignee),
            due_at: self.due_at,
        })
    }
}

/// Rule 3: a task is closed with a written result that says something. Empty text, a lone "+",
/// "-", "ok", "done" or punctuation tell the head nothing.
pub fn meaningful_result(raw: &str) -> Result<String> {
    const EMPTY_WORDS: &[&str] = &[
        "ok",
        "ок",
        "okay",
        "done",
        "готово",
        "зроблено",
        "сделано",
        "да",
        "так",
        "ні",
        "нет",
        "no",
        "yes",
        "ага",
        "угу",
    ];
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let letters: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let refuse = |why: &str| Err(Error::new(crate::ErrorCode::ResultNotMeaningful, why).on("result"));
    if letters.is_empty() {
        return refuse("write what came of the task: an empty result or punctuation tells nothing");
    }
    if EMPTY_WORDS.contains(&letters.as_str()) || letters.chars().count() < 3 {
        return refuse("write what came of the task: «ok» or «+» tells the head nothing");
    }
    if text.chars().count() > 5_000 {
        return Err(Error::invalid("result", "the result is longer than 5000 characters"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_results_are_refused_and_real_ones_kept() {
        for bad in ["", "   ", "+", "-", "ok", "OK!", "...", "+++", "ок", "done.", "Так"] {
            let err = meaningful_result(bad).unwrap_err();
            assert_eq!(err.code, crate::ErrorCode::ResultNotMeaningful, "{bad:?} says nothing");
        }
        assert_eq!(
            meaningful_result("  Домовились про зустріч  у четвер ").unwrap(),
            "Домовились про зустріч у четвер"
        );
        assert!(meaningful_result("КП надіслано").is_ok());
    }
}
