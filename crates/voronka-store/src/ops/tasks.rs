//! Tasks, with rule 3 (a task is done only with a meaningful written result) and rule 2 (an
//! open deal always has an open task: its last one is closed together with the next one).

use crate::Store;
use crate::tx::Tx;
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::{Error, ErrorCode, Id, Result, rules};

/// A completed task and the next task planned with it, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Completed {
    pub done: Task,
    pub next: Option<Task>,
}

impl Store {
    pub async fn create_task(&self, actor: Id, input: &TaskInput) -> Result<Task> {
        let data = input.validate(actor)?;
        if data.kind == TaskKind::ReviewLost {
            return Err(only_a_loss_gives_a_review());
        }
        let mut tx = self.begin(Some(actor)).await?;
        tx.check_task_links(&data, None).await?;
        let task = tx.add_task(data).await?;
        tx.commit().await?;
        Ok(task)
    }

    /// Changes an open task: reschedule, reassign, retitle.
    pub async fn update_task(&self, actor: Id, id: Id, version: i64, input: &TaskInput) -> Result<Task> {
        let data = input.validate(actor)?;
        let mut tx = self.begin(Some(actor)).await?;
        let current: Task = tx.get_at(id, version).await?;
        if current.done_at.is_some() {
            return Err(Error::new(ErrorCode::InvalidState, "a done task cannot be changed").on("done_at"));
        }
        if (data.kind == TaskKind::ReviewLost) != (current.data.kind == TaskKind::ReviewLost) {
            return Err(only_a_loss_gives_a_review());
        }
        tx.check_task_links(&data, Some(current.data.assignee_id)).await?;
        let (_, task) = tx.replace::<Task>(id, version, data).await?;
        tx.commit().await?;
        Ok(task)
    }

    /// Completes a task with its result, without planning another; the last open task of an
    /// open deal is refused on `next` (see [`Store::complete_task_with_next`]).
    pub async fn complete_task(&self, actor: Id, id: Id, version: i64, result: &str) -> Result<Task> {
        Ok(self
            .complete_task_with_next(actor, id, version, result, None)
            .await?
            .done)
    }

    /// Completes a task with its result (rule 3), puts the result on the timeline and creates
    /// the next task, all in one transaction. Both the result and the next task are checked
    /// before anything is written; a refusal of either (a stale version, an inactive or
    /// vanished assignee, a deal left without an open task by rule 2) leaves the task open and
    /// writes nothing. The next task's own fields are refused as `next.<field>`.
    pub async fn complete_task_with_next(
        &self,
        actor: Id,
        id: Id,
        version: i64,
        result: &str,
        next: Option<&TaskInput>,
    ) -> Result<Completed> {
        let result = rules::task_result(result)?;
        let next = next.map(|n| n.validate(actor)).transpose().map_err(under_next)?;
        if next.as_ref().is_some_and(|n| n.kind == TaskKind::ReviewLost) {
            return Err(under_next(only_a_loss_gives_a_review()));
        }
        let mut tx = self.begin(Some(actor)).await?;
        let before: Task = tx.get_at(id, version).await?;
        if before.meta.deleted_at.is_some() {
            return Err(Error::not_found(Task::ENTITY, id));
        }
        if before.done_at.is_some() {
            return Err(Error::new(ErrorCode::InvalidState, "the task is already done").on("done_at"));
        }
        if before.data.kind == TaskKind::ReviewLost {
            // Rule 5: a review ends in its decision (`close_loss_review`), never in a plain
            // result, and never in another review planned as its next task.
            return Err(Error::new(
                ErrorCode::InvalidState,
                "a loss review ends in confirming the loss or reopening the deal",
            )
            .on("kind"));
        }
        if let Some(next) = &next {
            tx.check_task_links(next, None).await.map_err(under_next)?;
        }
        tx.check_deal_keeps_a_task(&before, next.as_ref()).await?;

        let after = tx.close_task(&before, result).await?;
        let next = match next {
            Some(data) => Some(tx.add_task(data).await?),
            None => None,
        };
        tx.commit().await?;
        Ok(Completed { done: after, next })
    }
}

/// Rule 5's review is the loss's to create (see `move_deal`): one per loss, for the head.
fn only_a_loss_gives_a_review() -> Error {
    Error::invalid("kind", "a loss review is created by losing the deal")
}

/// The next task's fields are named under `next` so a form can tell them from the result's.
fn under_next(e: Error) -> Error {
    match e.field.clone() {
        Some(f) => e.on(format!("next.{f}")),
        None => e,
    }
}

impl Tx<'_> {
    /// The task's links; a new assignee must be active, the one a task has (`current`) may stay.
    async fn check_task_links(&mut self, data: &TaskData, current: Option<Id>) -> Result<()> {
        self.require_assignable(data.assignee_id, "assignee_id", current)
            .await?;
        self.require_opt::<Deal>(data.deal_id, "deal_id").await?;
        self.require_opt::<Company>(data.company_id, "company_id").await?;
        self.require_opt::<Contact>(data.contact_id, "contact_id").await?;
        Ok(())
    }

    /// Rule 2: closing `task` must leave its open deal an open task, another or `next`.
    async fn check_deal_keeps_a_task(&mut self, task: &Task, next: Option<&TaskData>) -> Result<()> {
        let Some(deal_id) = task.data.deal_id else {
            return Ok(());
        };
        let deal: Deal = self.get_any(deal_id).await?;
        let open = deal.status == DealStatus::Open && deal.meta.deleted_at.is_none();
        let others = self
            .scalar(
                "SELECT COUNT(*) FROM tasks WHERE deal_id = $1 AND id <> $2 AND done_at IS NULL AND deleted_at IS NULL",
                vec![deal_id.into(), task.meta.id.into()],
            )
            .await?;
        rules::check_next_task(open, others, next.is_some_and(|n| n.deal_id == Some(deal_id)))
    }

    /// Marks `before` done now with `result` and puts the result on its records' timeline.
    pub(crate) async fn close_task(&mut self, before: &Task, result: String) -> Result<Task> {
        let mut after = before.clone();
        after.done_at = Some(self.now);
        after.result = Some(result.clone());
        self.update(before, &mut after, AuditAction::Update).await?;
        if after.data.deal_id.is_some() || after.data.company_id.is_some() || after.data.contact_id.is_some() {
            self.add_activity(ActivityData {
                kind: ActivityKind::TaskResult,
                deal_id: after.data.deal_id,
                company_id: after.data.company_id,
                contact_id: after.data.contact_id,
                occurred_at: self.now,
                body: Some(format!("{}: {result}", after.data.title)),
                details: ActivityDetails {
                    task_id: Some(before.meta.id),
                    ..Default::default()
                },
            })
            .await?;
        }
        Ok(after)
    }

    /// A new open task by the acting user (or by the system when there is none).
    pub(crate) async fn add_task(&mut self, data: TaskData) -> Result<Task> {
        let author = self.actor.unwrap_or(data.assignee_id);
        self.create_from(|meta| Task {
            meta,
            data,
            author_id: author,
            done_at: None,
            result: None,
        })
        .await
    }
}
