//! Tasks, with rule 3 (a task is done only with a meaningful written result) and rule 2 (an
//! open deal always has an open task: its last one is closed together with the next one).

use crate::Store;
use crate::tx::Tx;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::rights;
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
        tx.may_assign(data.assignee_id).await?;
        tx.check_task_links(&data, None).await?;
        let task = tx.add_task(data).await?;
        tx.commit().await?;
        Ok(task)
    }

    /// Changes an open task: reschedule, reassign, retitle. An overdue task's due time moves
    /// only with a reason: see [`Store::edit_task`].
    pub async fn update_task(&self, actor: Id, id: Id, version: i64, input: &TaskInput) -> Result<Task> {
        self.edit_task(actor, id, version, input, None).await
    }

    /// Changes an open task at the version the caller read. A new assignee must be one the
    /// actor may give tasks to (a manager: herself); moving an overdue task's due time needs
    /// `reschedule_reason`, kept with the move (refused on `reschedule_reason` without it).
    pub async fn edit_task(
        &self,
        actor: Id,
        id: Id,
        version: i64,
        input: &TaskInput,
        reschedule_reason: Option<&str>,
    ) -> Result<Task> {
        let data = input.validate(actor)?;
        let mut tx = self.begin(Some(actor)).await?;
        let current: Task = tx.get_at(id, version).await?;
        if (data.kind == TaskKind::ReviewLost) != (current.data.kind == TaskKind::ReviewLost) {
            return Err(only_a_loss_gives_a_review());
        }
        let task = tx.change_task(current, data, reschedule_reason).await?;
        tx.commit().await?;
        Ok(task)
    }

    /// Moves an open task's due time, with a reason when it is overdue.
    pub async fn reschedule_task(
        &self,
        actor: Id,
        id: Id,
        version: i64,
        due_at: DateTime<Utc>,
        reason: Option<&str>,
    ) -> Result<Task> {
        let mut tx = self.begin(Some(actor)).await?;
        let current: Task = tx.get_at(id, version).await?;
        let data = TaskData {
            due_at,
            ..current.data.clone()
        };
        let task = tx.change_task(current, data, reason).await?;
        tx.commit().await?;
        Ok(task)
    }

    /// Why a task's overdue due times were moved, oldest first.
    pub async fn task_reschedules(&self, task_id: Id) -> Result<Vec<TaskReschedule>> {
        let mut tx = self.begin_read().await?;
        let rows = tx
            .fetch_all(
                "SELECT * FROM task_reschedules WHERE task_id = $1 ORDER BY at, id",
                vec![task_id.into()],
                &[],
            )
            .await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// Deletes an open or done task (restorable); the last open task of an open deal is kept
    /// by rule 2 until the deal has another.
    pub async fn delete_task(&self, actor: Id, id: Id, version: i64) -> Result<Task> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: Task = tx.get_at(id, version).await?;
        if before.meta.deleted_at.is_some() {
            return Err(Error::new(ErrorCode::InvalidState, "the task is already deleted"));
        }
        if before.done_at.is_none() {
            tx.check_deal_keeps_a_task(&before, None).await?;
        }
        let mut after = before.clone();
        after.meta.deleted_at = Some(tx.now);
        tx.update(&before, &mut after, AuditAction::Delete).await?;
        tx.commit().await?;
        Ok(after)
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
    /// Writes `data` over the open task `current`, checking who it may go to and why an
    /// overdue one moves before anything is written.
    async fn change_task(&mut self, current: Task, data: TaskData, reschedule_reason: Option<&str>) -> Result<Task> {
        if current.meta.deleted_at.is_some() {
            return Err(Error::not_found(Task::ENTITY, current.meta.id));
        }
        if current.done_at.is_some() {
            return Err(Error::new(ErrorCode::InvalidState, "a done task cannot be changed").on("done_at"));
        }
        let moved = current.data.due_at != data.due_at;
        let reason = rules::reschedule_reason(current.data.due_at, data.due_at, self.now, reschedule_reason)?;
        if data.assignee_id != current.data.assignee_id {
            self.may_assign(data.assignee_id).await?;
        }
        self.check_task_links(&data, Some(current.data.assignee_id)).await?;
        let (id, version, from) = (current.meta.id, current.meta.version, current.data.due_at);
        let (_, task) = self.replace::<Task>(id, version, data).await?;
        if let (true, Some(reason), Some(actor)) = (moved, reason, self.actor) {
            let row_id = self.new_id();
            self.execute(
                "INSERT INTO task_reschedules (id, task_id, user_id, at, from_due_at, to_due_at, reason)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                vec![
                    row_id.into(),
                    id.into(),
                    actor.into(),
                    self.now.timestamp_millis().into(),
                    from.timestamp_millis().into(),
                    task.data.due_at.timestamp_millis().into(),
                    reason.into(),
                ],
            )
            .await?;
        }
        Ok(task)
    }

    /// A task may go only to whom the actor may give tasks (the rights matrix's "create for
    /// themself"); a unit of work without an actor is the system's own.
    async fn may_assign(&mut self, assignee: Id) -> Result<()> {
        let Some(actor) = self.actor else { return Ok(()) };
        let role = self.actor_role().await?;
        rights::check_assign(role, actor, assignee)
    }

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
