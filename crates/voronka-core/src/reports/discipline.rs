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
///    longer than 16 characters is taken as meaningful).
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
        ]
    }
}
