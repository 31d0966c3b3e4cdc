//! Tasks, with rule 3: a task is done only with a meaningful written result.

use crate::Store;
use crate::tx::Tx;
use voronka_core::model::*;
use voronka_core::{Error, ErrorCode, Id, Result, rules};

impl Store {
    pub async fn create_task(&self, actor: Id, input: &TaskInput) -> Result<Task> {
        let data = input.validate(actor)?;
        let mut tx = self.begin(Some(actor)).await?;
        tx.check_task_links(&data).await?;
        let task = tx.add_task(data).await?;
        tx.commit().await?;
        Ok(task)
    }

    /// Changes an open task: reschedule, reassign, retitle.
    pub async fn update_task(&self, actor: Id, id: Id, version: i64, input: &TaskInput) -> Result<Task> {
        let data = input.validate(actor)?;
        let mut tx = self.begin(Some(actor)).await?;
        tx.check_task_links(&data).await?;
        let current: Task = tx.get_at(id, version).await?;
        if current.done_at.is_some() {
            return Err(Error::new(ErrorCode::InvalidState, "a done task cannot be changed").on("done_at"));
        }
        let (_, task) = tx.replace::<Task>(id, version, data).await?;
        tx.commit().await?;
        Ok(task)
    }

    /// Completes a task with its result (rule 3) and puts the result on the timeline.
    pub async fn complete_task(&self, actor: Id, id: Id, version: i64, result: &str) -> Result<Task> {
        let result = rules::task_result(result)?;
        let mut tx = self.begin(Some(actor)).await?;
        let before: Task = tx.get_at(id, version).await?;
        if before.meta.deleted_at.is_some() {
            return Err(Error::not_found(Task::ENTITY, id));
        }
        if before.done_at.is_some() {
            return Err(Error::new(ErrorCode::InvalidState, "the task is already done").on("done_at"));
        }
        let mut after = before.clone();
        after.done_at = Some(tx.now);
        after.result = Some(result.clone());
        tx.update(&before, &mut after, AuditAction::Update).await?;
        if after.data.deal_id.is_some() || after.data.company_id.is_some() || after.data.contact_id.is_some() {
            tx.add_activity(ActivityData {
                kind: ActivityKind::TaskResult,
                deal_id: after.data.deal_id,
                company_id: after.data.company_id,
                contact_id: after.data.contact_id,
                occurred_at: tx.now,
                body: Some(format!("{}: {result}", after.data.title)),
                details: ActivityDetails {
                    task_id: Some(id),
                    ..Default::default()
                },
            })
            .await?;
        }
        tx.commit().await?;
        Ok(after)
    }
}

impl Tx<'_> {
    async fn check_task_links(&mut self, data: &TaskData) -> Result<()> {
        self.require::<User>(data.assignee_id, "assignee_id").await?;
        self.require_opt::<Deal>(data.deal_id, "deal_id").await?;
        self.require_opt::<Company>(data.company_id, "company_id").await?;
        self.require_opt::<Contact>(data.contact_id, "contact_id").await?;
        Ok(())
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
