//! Composite reads behind whole screens: a manager's day and a pipeline's board.

use crate::row::Value;
use crate::table::Rows;
use crate::{DealFilter, Page, Store};
use serde::{Deserialize, Serialize};
use voronka_core::agenda::{DueGroup, due_group, zone};
use voronka_core::model::{Deal, Role, Stage, Task, User};
use voronka_core::rights::{self, Action, Subject};
use voronka_core::{Id, Result};

/// A manager's open tasks by when they are due, and the open deals that have no open task
/// (rule 2: every open deal must have one).
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TodayView {
    pub overdue: Vec<Task>,
    pub today: Vec<Task>,
    pub tomorrow: Vec<Task>,
    pub later: Vec<Task>,
    pub deals_without_task: Vec<Deal>,
}

/// One kanban column: a stage, how many deals it holds and their amount, and the first of them.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BoardColumn {
    pub stage: Stage,
    pub count: i64,
    /// Sum of the deals' amounts in minor units.
    pub amount: i64,
    pub deals: Vec<Deal>,
}

/// One manager's column of the head's team board: what is late, what is due today and
/// tomorrow, the open deals without a task (rule 2) and the leads waiting for a first contact.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ManagerDay {
    pub user: User,
    pub overdue: Vec<Task>,
    pub today: Vec<Task>,
    pub tomorrow: Vec<Task>,
    pub deals_without_task: Vec<Deal>,
    /// Open deals whose `contact_lead` task is still open (rule 1).
    pub leads_waiting: i64,
}

/// How many open tasks and deals a screen shows at most; the lists page beyond that.
const SHOWN: i64 = 200;

impl Store {
    pub async fn today(&self, user_id: Id) -> Result<TodayView> {
        let mut tx = self.begin_read().await?;
        let user: User = tx.get_any(user_id).await?;
        let tasks: Vec<Task> = tx
            .fetch_all(
                "SELECT * FROM tasks WHERE assignee_id = $1 AND done_at IS NULL AND deleted_at IS NULL ORDER BY due_at, id LIMIT $2",
                vec![user_id.into(), SHOWN.into()],
                Task::JSON,
            )
            .await?;
        let sql = format!(
            "SELECT {} FROM deals d WHERE d.owner_id = $1 AND d.status = 'open' AND d.deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.deal_id = d.id AND t.done_at IS NULL AND t.deleted_at IS NULL)
             ORDER BY d.created_at DESC, d.id DESC LIMIT $2",
            Deal::SELECT
        );
        let deals_without_task: Vec<Deal> = tx
            .fetch_all(&sql, vec![user_id.into(), SHOWN.into()], Deal::JSON)
            .await?;
        tx.commit().await?;
        let (now, tz) = (self.clock.now(), zone(&user.data.time_zone));
        let mut view = TodayView {
            deals_without_task,
            ..Default::default()
        };
        for task in tasks {
            match due_group(task.data.due_at, now, tz) {
                DueGroup::Overdue => view.overdue.push(task),
                DueGroup::Today => view.today.push(task),
                DueGroup::Tomorrow => view.tomorrow.push(task),
                DueGroup::Later => view.later.push(task),
            }
        }
        Ok(view)
    }

    /// `user_id`'s Today as they see it, opened by `actor`: themself, or whoever sees every
    /// task (the head, the admin); a manager is refused another's day on `task`.
    pub async fn today_of(&self, actor: Id, user_id: Id) -> Result<TodayView> {
        if actor != user_id {
            self.may_see_the_team(actor, Subject::Task).await?;
        }
        self.today(user_id).await
    }

    /// The head's board: every active manager's day side by side, in name order, each as the
    /// manager's own Today groups it (in the manager's time zone).
    pub async fn team_board(&self, actor: Id) -> Result<Vec<ManagerDay>> {
        self.may_see_the_team(actor, Subject::Report).await?;
        let managers: Vec<User> = self
            .list_users()
            .await?
            .into_iter()
            .filter(|u| u.data.active && u.data.role == Role::Manager)
            .collect();
        let mut board = Vec::with_capacity(managers.len());
        for user in managers {
            let day = self.today(user.meta.id).await?;
            let mut tx = self.begin_read().await?;
            let leads_waiting = tx
                .scalar(
                    "SELECT COUNT(*) FROM deals d WHERE d.owner_id = $1 AND d.status = 'open' AND d.deleted_at IS NULL
                     AND EXISTS (SELECT 1 FROM tasks t WHERE t.deal_id = d.id AND t.kind = 'contact_lead'
                         AND t.done_at IS NULL AND t.deleted_at IS NULL)",
                    vec![user.meta.id.into()],
                )
                .await?;
            tx.commit().await?;
            board.push(ManagerDay {
                user,
                overdue: day.overdue,
                today: day.today,
                tomorrow: day.tomorrow,
                deals_without_task: day.deals_without_task,
                leads_waiting,
            });
        }
        Ok(board)
    }

    /// `Ok` when `actor`'s role reads all of `subject`, the team's; `forbidden` otherwise.
    async fn may_see_the_team(&self, actor: Id, subject: Subject) -> Result<()> {
        let me: User = self.get_any(actor).await?;
        rights::check(me.data.role, subject, Action::Read, false)
    }

    /// How many of the user's open tasks are past due: the tray's number.
    pub async fn overdue_count(&self, user_id: Id) -> Result<i64> {
        let mut tx = self.begin_read().await?;
        let n = tx
            .scalar(
                "SELECT COUNT(*) FROM tasks WHERE assignee_id = $1 AND done_at IS NULL AND deleted_at IS NULL AND due_at < $2",
                vec![user_id.into(), self.clock.now().timestamp_millis().into()],
            )
            .await?;
        tx.commit().await?;
        Ok(n)
    }

    /// The kanban of a pipeline, optionally of one owner: every stage with its totals and its
    /// newest deals.
    pub async fn board(&self, pipeline_id: Id, owner_id: Option<Id>, per_column: u32) -> Result<Vec<BoardColumn>> {
        #[derive(Deserialize)]
        struct Total {
            stage_id: Id,
            count: i64,
            amount: i64,
        }
        let mut params: Vec<Value> = vec![pipeline_id.into()];
        let mut owner = String::new();
        if let Some(id) = owner_id {
            params.push(id.into());
            owner = " AND owner_id = $2".into();
        }
        let sql = format!(
            "SELECT stage_id, COUNT(*) AS count, CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS amount FROM deals
             WHERE pipeline_id = $1 AND deleted_at IS NULL{owner} GROUP BY stage_id"
        );
        let totals: Vec<Total> = {
            let mut tx = self.begin_read().await?;
            let rows = tx.fetch_all(&sql, params, &[]).await?;
            tx.commit().await?;
            rows
        };
        let mut columns = Vec::new();
        for stage in self.list_stages(pipeline_id).await? {
            let total = totals.iter().find(|t| t.stage_id == stage.meta.id);
            // An archived stage gave its deals away; one still holding some (a deleted deal
            // restored since) stays on the board until they move on.
            if stage.archived && total.is_none() {
                continue;
            }
            let filter = DealFilter {
                stage_id: Some(stage.meta.id),
                owner_id,
                ..Default::default()
            };
            let deals = self.list_deals(&filter, Page::first(per_column)).await?.items;
            columns.push(BoardColumn {
                count: total.map(|t| t.count).unwrap_or(0),
                amount: total.map(|t| t.amount).unwrap_or(0),
                stage,
                deals,
            });
        }
        Ok(columns)
    }
}
