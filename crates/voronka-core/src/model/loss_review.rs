//! Rule 5's review of a lost deal (seed 003, "Проверить сделку"): the head answers the
//! checklist — were the objections handled, how many call attempts were made, can the client be
//! revived — and ends the review in one of two ways: the loss is confirmed, or the deal is
//! reopened in a chosen open stage with a task for its manager.

use super::{TaskKind, meaningful_result};
use crate::types::ShortText;
use crate::{Error, Id, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How a review ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum LossDecision {
    /// The loss stands; the deal stays lost.
    Confirm,
    /// The deal goes back to work.
    Reopen,
}

impl LossDecision {
    pub fn as_str(self) -> &'static str {
        match self {
            LossDecision::Confirm => "confirm",
            LossDecision::Reopen => "reopen",
        }
    }
}

/// The most call attempts the checklist takes (more is a typing slip).
pub const MAX_CALL_ATTEMPTS: i64 = 1_000;

/// The review dialog's values.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossReviewInput {
    /// Were the client's objections handled?
    pub objections_handled: Option<bool>,
    /// How many times the manager tried to call.
    pub call_attempts: Option<i64>,
    /// Can the client be revived (another product, other terms)?
    pub can_revive: Option<bool>,
    /// The head's conclusion: the review task's result, so it must say something (rule 3).
    pub comment: String,
    pub decision: LossDecision,
    /// Reopening: the open stage the deal goes back to.
    pub stage_id: Option<Id>,
    /// Reopening: the manager's task.
    pub task_title: Option<String>,
    #[serde(with = "chrono::serde::ts_milliseconds_option", default)]
    #[cfg_attr(feature = "bindings", specta(type = Option<i64>))]
    pub task_due_at: Option<DateTime<Utc>>,
}

/// The checklist's answers as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossReviewAnswers {
    pub objections_handled: Option<bool>,
    pub call_attempts: Option<i64>,
    pub can_revive: Option<bool>,
    pub comment: String,
}

/// What reopening asks of the deal and its manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reopening {
    pub stage_id: Id,
    pub task_title: ShortText,
    pub task_due_at: DateTime<Utc>,
}

/// A review's values checked: its answers, and the reopening when the deal goes back to work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LossReviewChecked {
    pub answers: LossReviewAnswers,
    pub reopen: Option<Reopening>,
}

impl LossReviewInput {
    /// Each value on its own field; a reopening needs its stage and a task due after `now`.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<LossReviewChecked> {
        if let Some(n) = self.call_attempts
            && !(0..=MAX_CALL_ATTEMPTS).contains(&n)
        {
            return Err(Error::invalid(
                "call_attempts",
                format!("between 0 and {MAX_CALL_ATTEMPTS} attempts"),
            ));
        }
        let comment = meaningful_result(&self.comment).map_err(|e| e.on("comment"))?;
        let reopen = match self.decision {
            LossDecision::Confirm => None,
            LossDecision::Reopen => {
                let stage_id = self
                    .stage_id
                    .ok_or_else(|| Error::invalid("stage_id", "choose the stage the deal goes back to"))?;
                let task_title =
                    ShortText::parse(self.task_title.as_deref().unwrap_or("")).map_err(|e| e.on("task_title"))?;
                let task_due_at = self
                    .task_due_at
                    .ok_or_else(|| Error::invalid("task_due_at", "choose when the manager's task is due"))?;
                if task_due_at <= now {
                    return Err(Error::invalid("task_due_at", "the manager's task is due in the future"));
                }
                Some(Reopening {
                    stage_id,
                    task_title,
                    task_due_at,
                })
            }
        };
        Ok(LossReviewChecked {
            answers: LossReviewAnswers {
                objections_handled: self.objections_handled,
                call_attempts: self.call_attempts,
                can_revive: self.can_revive,
                comment,
            },
            reopen,
        })
    }
}

/// A closed review as kept with its deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossReview {
    /// The `review_lost` task it closed.
    pub task_id: Id,
    pub deal_id: Id,
    #[serde(flatten)]
    pub answers: LossReviewAnswers,
    pub decision: LossDecision,
    /// Reopening: the stage the deal went back to, and the manager's task.
    pub reopened_stage_id: Option<Id>,
    pub reopen_task_id: Option<Id>,
    pub reviewer_id: Id,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub reviewed_at: DateTime<Utc>,
}

/// The kind of task a reopened deal's manager gets: a call back to the client.
pub const REOPEN_TASK_KIND: TaskKind = TaskKind::Call;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
    }

    fn input(decision: LossDecision) -> LossReviewInput {
        LossReviewInput {
            objections_handled: Some(false),
            call_attempts: Some(2),
            can_revive: Some(true),
            comment: "Клієнт чекав знижку, можна повернути".into(),
            decision,
            stage_id: Some("0190f000-0000-7000-8000-000000000001".parse().unwrap()),
            task_title: Some("Запропонувати знижку".into()),
            task_due_at: Some(now() + chrono::Duration::days(1)),
        }
    }

    #[test]
    fn a_confirmation_needs_only_a_meaningful_comment() {
        let checked = input(LossDecision::Confirm).validate(now()).unwrap();
        assert_eq!(checked.reopen, None, "a confirmed loss reopens nothing");
        assert_eq!(checked.answers.call_attempts, Some(2));
        let mut bad = input(LossDecision::Confirm);
        bad.comment = "ok".into();
        assert_eq!(bad.validate(now()).unwrap_err().field.as_deref(), Some("comment"));
    }

    #[test]
    fn a_reopening_needs_its_stage_and_a_future_task() {
        assert!(input(LossDecision::Reopen).validate(now()).unwrap().reopen.is_some());
        let field = |f: fn(&mut LossReviewInput)| {
            let mut i = input(LossDecision::Reopen);
            f(&mut i);
            i.validate(now()).unwrap_err().field.unwrap()
        };
        assert_eq!(field(|i| i.stage_id = None), "stage_id");
        assert_eq!(field(|i| i.task_title = Some("  ".into())), "task_title");
        assert_eq!(field(|i| i.task_due_at = Some(now())), "task_due_at");
        assert_eq!(field(|i| i.call_attempts = Some(-1)), "call_attempts");
    }
}
