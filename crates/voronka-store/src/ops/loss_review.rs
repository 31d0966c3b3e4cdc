//! Rule 5's loss review: the head answers the checklist and confirms the loss or reopens the
//! deal, in one transaction with the review task's closing. A review is closed only here, so
//! closing one never plans another.

use crate::Store;
use crate::tx::Tx;
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::rights::{Action, Subject};
use voronka_core::{Error, ErrorCode, Id, Result};

/// A closed review and what it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ReviewClosed {
    pub review: LossReview,
    /// The review task, done.
    pub task: Task,
    /// The deal: still lost, or reopened.
    pub deal: Deal,
    /// Reopening: the manager's task.
    pub next: Option<Task>,
}

impl Store {
    /// Closes the `review_lost` task `task_id` read at `version` with the checklist's answers
    /// and its decision. Confirming keeps the deal lost; reopening moves it to the chosen open
    /// stage of its pipeline (whose required fields it must have, rule 4) and gives its owner a
    /// task, which tells them. The head and the admin review; everything is checked before
    /// anything is written.
    pub async fn close_loss_review(
        &self,
        actor: Id,
        task_id: Id,
        version: i64,
        input: &LossReviewInput,
    ) -> Result<ReviewClosed> {
        let mut tx = self.begin(Some(actor)).await?;
        tx.may_all(Subject::Regulations, Action::Change).await?;
        let checked = input.validate(tx.now)?;
        let task: Task = tx.get_at(task_id, version).await?;
        if task.meta.deleted_at.is_some() {
            return Err(Error::not_found(Task::ENTITY, task_id));
        }
        if task.data.kind != TaskKind::ReviewLost {
            return Err(Error::new(ErrorCode::InvalidState, "the task is not a loss review").on("kind"));
        }
        if task.done_at.is_some() {
            return Err(Error::new(ErrorCode::InvalidState, "the review is already closed").on("done_at"));
        }
        let deal_id = task
            .data
            .deal_id
            .ok_or_else(|| Error::new(ErrorCode::InvalidState, "the review names no deal").on("deal_id"))?;
        let deal: Deal = tx.get(deal_id).await?;
        if deal.status != DealStatus::Lost {
            return Err(Error::new(ErrorCode::InvalidState, "the deal is no longer lost").on("decision"));
        }
        let reopening = match &checked.reopen {
            Some(r) => Some(tx.check_reopening(&deal, r).await?),
            None => None,
        };

        let done = tx.close_task(&task, checked.answers.comment.clone()).await?;
        let (deal, next) = match (reopening, checked.reopen) {
            (Some(stage), Some(r)) => {
                let mut after = deal.clone();
                after.status = DealStatus::Open;
                after.loss_reason_id = None;
                after.closed_at = None;
                let after = tx.enter_stage(&deal, after, &stage).await?;
                let next = tx
                    .add_task(TaskData {
                        kind: REOPEN_TASK_KIND,
                        title: r.task_title,
                        deal_id: Some(deal_id),
                        company_id: after.data.company_id,
                        contact_id: after.data.contact_ids.first().copied(),
                        assignee_id: after.data.owner_id,
                        due_at: r.task_due_at,
                    })
                    .await?;
                (after, Some(next))
            }
            _ => (deal, None),
        };
        let review = LossReview {
            task_id,
            deal_id,
            answers: checked.answers,
            decision: input.decision,
            reopened_stage_id: next.as_ref().map(|_| deal.stage_id),
            reopen_task_id: next.as_ref().map(|t| t.meta.id),
            reviewer_id: actor,
            reviewed_at: tx.now,
        };
        tx.keep_review(&review).await?;
        tx.commit().await?;
        Ok(ReviewClosed {
            review,
            task: done,
            deal,
            next,
        })
    }

    /// The closed reviews of a deal, oldest first.
    pub async fn loss_reviews(&self, deal_id: Id) -> Result<Vec<LossReview>> {
        let mut tx = self.begin_read().await?;
        let rows = tx
            .fetch_all::<LossReviewRow>(
                "SELECT * FROM loss_reviews WHERE deal_id = $1 ORDER BY reviewed_at, task_id",
                vec![deal_id.into()],
                &[],
            )
            .await;
        tx.commit().await?;
        Ok(rows?.into_iter().map(LossReview::from).collect())
    }
}

/// A review as its row holds it (flags as 0/1).
#[derive(Deserialize)]
struct LossReviewRow {
    task_id: Id,
    deal_id: Id,
    objections_handled: Option<i64>,
    call_attempts: Option<i64>,
    can_revive: Option<i64>,
    comment: String,
    decision: LossDecision,
    reopened_stage_id: Option<Id>,
    reopen_task_id: Option<Id>,
    reviewer_id: Id,
    reviewed_at: i64,
}

impl From<LossReviewRow> for LossReview {
    fn from(r: LossReviewRow) -> LossReview {
        LossReview {
            task_id: r.task_id,
            deal_id: r.deal_id,
            answers: LossReviewAnswers {
                objections_handled: r.objections_handled.map(|v| v != 0),
                call_attempts: r.call_attempts,
                can_revive: r.can_revive.map(|v| v != 0),
                comment: r.comment,
            },
            decision: r.decision,
            reopened_stage_id: r.reopened_stage_id,
            reopen_task_id: r.reopen_task_id,
            reviewer_id: r.reviewer_id,
            reviewed_at: chrono::DateTime::from_timestamp_millis(r.reviewed_at).unwrap_or_default(),
        }
    }
}

impl Tx<'_> {
    /// The stage a reopened deal goes back to: an open stage in use of its own pipeline, whose
    /// requirements the deal meets; its owner must still be active to take the task.
    async fn check_reopening(&mut self, deal: &Deal, r: &Reopening) -> Result<Stage> {
        let stage: Stage = self.require(r.stage_id, "stage_id").await?;
        if stage.data.pipeline_id != deal.data.pipeline_id || stage.archived {
            return Err(Error::invalid(
                "stage_id",
                "the stage is not in use in the deal's pipeline",
            ));
        }
        if stage.data.kind != StageKind::Open {
            return Err(Error::invalid("stage_id", "a reopened deal goes back to an open stage"));
        }
        self.check_stage_entry(deal.meta.id, &deal.data, &stage, None).await?;
        self.require_assignable(deal.data.owner_id, "owner_id", None).await?;
        Ok(stage)
    }

    async fn keep_review(&mut self, review: &LossReview) -> Result<()> {
        use crate::error::DbResult;
        let flag = |v: Option<bool>| v.map(i64::from);
        let a = &review.answers;
        let text = |id: Option<Id>| id.map(|i| i.to_string());
        // Bound with their own types: a NULL flag or count must reach PostgreSQL as a BIGINT.
        sqlx::query(
            "INSERT INTO loss_reviews (task_id, deal_id, objections_handled, call_attempts, can_revive, comment, \
             decision, reopened_stage_id, reopen_task_id, reviewer_id, reviewed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(review.task_id.to_string())
        .bind(review.deal_id.to_string())
        .bind(flag(a.objections_handled))
        .bind(a.call_attempts)
        .bind(flag(a.can_revive))
        .bind(a.comment.clone())
        .bind(review.decision.as_str())
        .bind(text(review.reopened_stage_id))
        .bind(text(review.reopen_task_id))
        .bind(review.reviewer_id.to_string())
        .bind(review.reviewed_at.timestamp_millis())
        .execute(&mut *self.tx)
        .await
        .db()?;
        let after = serde_json::to_value(review).map_err(|e| Error::storage(e.to_string()))?;
        self.audit("loss_review", review.task_id, AuditAction::Create, None, Some(after))
            .await
    }
}
