use super::Person;
use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use crate::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where the regulations are not kept, now (per the store's clock), for the filter's pipeline
/// and manager:
/// 1. open deals without an open task (rule 2);
/// 2. overdue tasks (not done, due before now), by assignee;
/// 3. open deals whose expected close or planned payment date is before today and that have no
///    open task;
/// 4. tasks done in the period whose result says nothing (rule 3: empty, "+", "ok", …; a result
///    longer than 16 characters is taken as meaningful);
/// 5. open tasks planned too far ahead: due more than the process settings' `task_horizon_days`
///    after now (seed 003: a far-off date hides a call that found no need);
/// 6. deals lost in the period without a loss comment (seed 003's first sign of dumped leads);
/// 7. overdue tasks moved to a later time in the period, with the reason when one was given.
///
/// Each list is capped at [`super::LIST_LIMIT`] rows and carries its full count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Discipline {
    pub today: NaiveDate,
    pub deals_without_task: Vec<DealLapse>,
    pub deals_without_task_total: i64,
    /// One row per assignee with overdue tasks, by name.
    pub overdue_by_manager: Vec<OverdueCount>,
    /// Longest overdue first.
    pub overdue_tasks: Vec<TaskLapse>,
    pub overdue_tasks_total: i64,
    pub past_due_deals: Vec<DealLapse>,
    pub past_due_deals_total: i64,
    pub empty_results: Vec<TaskLapse>,
    pub empty_results_total: i64,
    /// The horizon in days past which an open task counts as planned too far.
    pub horizon_days: i64,
    /// Farthest first.
    pub far_ahead_tasks: Vec<TaskLapse>,
    pub far_ahead_tasks_total: i64,
    /// In the order they were lost.
    pub losses_without_comment: Vec<LossLapse>,
    pub losses_without_comment_total: i64,
    /// In the order they were moved.
    pub moved_overdue: Vec<OverdueMove>,
    pub moved_overdue_total: i64,
}

/// A deal lost without a word on why beyond its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossLapse {
    pub deal_id: Id,
    pub title: String,
    pub manager: Person,
    pub reason: Option<String>,
    pub amount: i64,
    pub currency: String,
    /// Milliseconds since the epoch.
    pub lost_at: i64,
}

/// An overdue task moved to a later due time: who moved it, when, from and to, and why when the
/// mover said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct OverdueMove {
    pub task_id: Id,
    pub title: String,
    pub assignee: Person,
    pub moved_by: Option<Person>,
    /// Milliseconds since the epoch, each.
    pub moved_at: i64,
    pub due_before: i64,
    pub due_after: i64,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DealLapse {
    pub deal_id: Id,
    pub title: String,
    pub manager: Person,
    pub stage: String,
    pub amount: i64,
    pub currency: String,
    pub expected_close_date: Option<NaiveDate>,
    pub planned_payment_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct TaskLapse {
    pub task_id: Id,
    pub title: String,
    pub kind: String,
    pub assignee: Person,
    pub deal_id: Option<Id>,
    /// Milliseconds since the epoch.
    pub due_at: i64,
    pub done_at: Option<i64>,
    pub result: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct OverdueCount {
    pub manager: Person,
    pub overdue: i64,
    /// Milliseconds since the epoch of the longest overdue task's due time.
    pub oldest_due_at: i64,
}

fn deal_table(key: &str, title: &str, deals: &[DealLapse]) -> ReportTable {
    let mut t = ReportTable::new(
        key,
        title,
        &[
            ("deal", "Deal", K::Text),
            ("manager", "Manager", K::Text),
            ("stage", "Stage", K::Text),
            ("amount", "Amount", K::Money),
            ("expected_close_date", "Expected close", K::Date),
            ("planned_payment_date", "Planned payment", K::Date),
        ],
    );
    for d in deals {
        t.row(vec![
            Cell::text(&d.title),
            Cell::text(&d.manager.name),
            Cell::text(&d.stage),
            Cell::money(d.amount, &d.currency),
            Cell::opt_date(d.expected_close_date),
            Cell::opt_date(d.planned_payment_date),
        ]);
    }
    t
}

fn date_of(ms: i64) -> Cell {
    Cell::opt_date(chrono::DateTime::from_timestamp_millis(ms).map(|t| t.date_naive()))
}

fn task_table(key: &str, title: &str, tasks: &[TaskLapse]) -> ReportTable {
    let mut t = ReportTable::new(
        key,
        title,
        &[
            ("task", "Task", K::Text),
            ("kind", "Kind", K::Text),
            ("assignee", "Assignee", K::Text),
            ("due", "Due", K::Date),
            ("done", "Done", K::Date),
            ("result", "Result", K::Text),
        ],
    );
    for task in tasks {
        t.row(vec![
            Cell::text(&task.title),
            Cell::text(&task.kind),
            Cell::text(&task.assignee.name),
            date_of(task.due_at),
            task.done_at.map(date_of).unwrap_or(Cell::Empty),
            Cell::opt_text(task.result.as_deref()),
        ]);
    }
    t
}

fn loss_table(key: &str, title: &str, losses: &[LossLapse]) -> ReportTable {
    let mut t = ReportTable::new(
        key,
        title,
        &[
            ("deal", "Deal", K::Text),
            ("manager", "Manager", K::Text),
            ("reason", "Loss reason", K::Text),
            ("amount", "Amount", K::Money),
            ("lost", "Lost", K::Date),
        ],
    );
    for l in losses {
        t.row(vec![
            Cell::text(&l.title),
            Cell::text(&l.manager.name),
            Cell::opt_text(l.reason.as_deref()),
            Cell::money(l.amount, &l.currency),
            date_of(l.lost_at),
        ]);
    }
    t
}

fn move_table(key: &str, title: &str, moves: &[OverdueMove]) -> ReportTable {
    let mut t = ReportTable::new(
        key,
        title,
        &[
            ("task", "Task", K::Text),
            ("assignee", "Assignee", K::Text),
            ("moved_by", "Moved by", K::Text),
            ("moved", "Moved", K::Date),
            ("due_before", "Was due", K::Date),
            ("due_after", "Now due", K::Date),
            ("reason", "Reason", K::Text),
        ],
    );
    for m in moves {
        t.row(vec![
            Cell::text(&m.title),
            Cell::text(&m.assignee.name),
            Cell::opt_text(m.moved_by.as_ref().map(|p| p.name.as_str())),
            date_of(m.moved_at),
            date_of(m.due_before),
            date_of(m.due_after),
            Cell::opt_text(m.reason.as_deref()),
        ]);
    }
    t
}

impl Tabular for Discipline {
    fn tables(&self) -> Vec<ReportTable> {
        let mut by_manager = ReportTable::new(
            "overdue_by_manager",
            "Overdue tasks by manager",
            &[
                ("manager", "Manager", K::Text),
                ("overdue", "Overdue", K::Integer),
                ("oldest_due", "Oldest due", K::Date),
            ],
        );
        for o in &self.overdue_by_manager {
            by_manager.row(vec![
                Cell::text(&o.manager.name),
                Cell::Integer(o.overdue),
                date_of(o.oldest_due_at),
            ]);
        }
        let total: i64 = self.overdue_by_manager.iter().map(|o| o.overdue).sum();
        let by_manager = by_manager.with_totals(vec![Cell::text("Total"), Cell::Integer(total), Cell::Empty]);
        vec![
            deal_table(
                "deals_without_task",
                &format!("Open deals without a task ({})", self.deals_without_task_total),
                &self.deals_without_task,
            ),
            by_manager,
            task_table(
                "overdue_tasks",
                &format!("Overdue tasks ({})", self.overdue_tasks_total),
                &self.overdue_tasks,
            ),
            deal_table(
                "past_due_deals",
                &format!("Past their dates without a task ({})", self.past_due_deals_total),
                &self.past_due_deals,
            ),
            task_table(
                "empty_results",
                &format!("Closed without a meaningful result ({})", self.empty_results_total),
                &self.empty_results,
            ),
            task_table(
                "far_ahead_tasks",
                &format!(
                    "Planned more than {} days ahead ({})",
                    self.horizon_days, self.far_ahead_tasks_total
                ),
                &self.far_ahead_tasks,
            ),
            loss_table(
                "losses_without_comment",
                &format!("Lost without a comment ({})", self.losses_without_comment_total),
                &self.losses_without_comment,
            ),
            move_table(
                "moved_overdue",
                &format!("Overdue tasks moved ({})", self.moved_overdue_total),
                &self.moved_overdue,
            ),
        ]
    }
}
