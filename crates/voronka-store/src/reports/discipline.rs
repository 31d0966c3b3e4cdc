//! Where the regulations are not kept: seven lists.

use super::{Reader, Sql, by_name, parse_date, period_ms};
use serde::Deserialize;
use voronka_core::model::meaningful_result;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

/// Results no longer than 16 characters are checked against rule 3; the store refuses the
/// meaningless ones, so only imported or older tasks can hold them, and those are short. Written
/// out as the partial index `tasks_short_result` (migration 0005) spells it, so both backends see
/// that the index holds exactly these tasks.
const SHORT_RESULT: &str = "t.deleted_at IS NULL AND (t.result IS NULL OR LENGTH(TRIM(t.result)) <= 16)";

#[derive(Deserialize, Default)]
struct Count {
    n: i64,
}

#[derive(Deserialize)]
struct DealRow {
    deal_id: Id,
    title: String,
    owner_id: Id,
    stage: String,
    amount: i64,
    currency: String,
    expected_close_date: Option<String>,
    planned_payment_date: Option<String>,
}

#[derive(Deserialize)]
struct TaskRow {
    task_id: Id,
    title: String,
    kind: String,
    assignee_id: Id,
    deal_id: Option<Id>,
    due_at: i64,
    done_at: Option<i64>,
    result: Option<String>,
}

#[derive(Deserialize)]
struct IdRow {
    id: Id,
}

#[derive(Deserialize)]
struct OverdueRow {
    assignee_id: Id,
    overdue: i64,
    oldest_due_at: i64,
}

/// The count of open tasks is kept on the deal (see the store's `figures`); the condition with
/// the status and `deleted_at` is that of the partial index `deals_without_open_task`.
const NO_OPEN_TASK: &str = "d.open_tasks = 0";

const DEAL_COLUMNS: &str = "d.id AS deal_id, d.title, d.owner_id, st.name AS stage, d.amount, d.currency,
     d.expected_close_date, d.planned_payment_date";

const TASK_COLUMNS: &str = "t.id AS task_id, t.title, t.kind, t.assignee_id, t.deal_id, t.due_at, t.done_at, t.result";

/// A list's total and its first [`LIST_LIMIT`] rows: the rows of `from` meeting `conditions`
/// (which bind their parameters anew for each statement), counted without `joins`, listed with
/// them as `columns` in `order`.
async fn capped<T: serde::de::DeserializeOwned>(
    r: &mut Reader<'_>,
    from: &str,
    joins: &str,
    conditions: impl Fn(&mut Sql) -> String,
    columns: &str,
    order: &str,
) -> Result<(Vec<T>, i64)> {
    let mut q = Sql::default();
    let w = conditions(&mut q);
    let count: Count = r.one(&format!("SELECT COUNT(*) AS n FROM {from} WHERE {w}"), q).await?;
    let mut q = Sql::default();
    let w = conditions(&mut q);
    let limit = q.bind(LIST_LIMIT);
    let rows = r
        .rows(
            &format!("SELECT {columns} FROM {from}{joins} WHERE {w} ORDER BY {order} LIMIT {limit}"),
            q,
        )
        .await?;
    Ok((rows, count.n))
}

/// A list of open deals without an open task matching `extra` (with its own parameters),
/// capped, and its count.
async fn deals(
    r: &mut Reader<'_>,
    f: &ReportFilter,
    extra: impl Fn(&mut Sql) -> String,
) -> Result<(Vec<DealRow>, i64)> {
    let conditions = |q: &mut Sql| {
        let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
        let extra = extra(q);
        format!("d.status = 'open' AND d.deleted_at IS NULL AND {NO_OPEN_TASK}{filter}{extra}")
    };
    let joins = " JOIN stages st ON st.id = d.stage_id";
    capped(r, "deals d", joins, conditions, DEAL_COLUMNS, "d.created_at, d.id").await
}

/// Tasks' conditions for the filter: the assignee is the manager; with a pipeline, only tasks
/// on its deals.
fn task_filter(q: &mut Sql, f: &ReportFilter) -> String {
    let mut out = String::new();
    if let Some(p) = f.pipeline_id {
        out.push_str(&format!(
            " AND t.deal_id IN (SELECT d.id FROM deals d WHERE d.pipeline_id = {})",
            q.bind(p)
        ));
    }
    if let Some(m) = f.manager_id {
        out.push_str(&format!(" AND t.assignee_id = {}", q.bind(m)));
    }
    out
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<Discipline> {
    let now = r.now.timestamp_millis();
    let today = r.today();
    let people = r.people().await?;
    let deal = |row: DealRow| DealLapse {
        deal_id: row.deal_id,
        title: row.title,
        manager: people.person(row.owner_id),
        stage: row.stage,
        amount: row.amount,
        currency: row.currency,
        expected_close_date: row.expected_close_date.as_deref().and_then(parse_date),
        planned_payment_date: row.planned_payment_date.as_deref().and_then(parse_date),
    };
    let task = |row: TaskRow| TaskLapse {
        task_id: row.task_id,
        title: row.title,
        kind: row.kind,
        assignee: people.person(row.assignee_id),
        deal_id: row.deal_id,
        due_at: row.due_at,
        done_at: row.done_at,
        result: row.result,
    };

    // A report reproduced at an earlier "now" (`--at`) leaves out the deals and tasks created
    // after it (only then: the condition costs the partial indexes their covering).
    let past = r.data_after_now().await?;
    let created_by = move |q: &mut Sql, column: &str| match past {
        true => format!(" AND {column} <= {}", q.bind(now)),
        false => String::new(),
    };
    let (without_task, without_task_total) = deals(r, f, |q| created_by(q, "d.created_at")).await?;
    let (past_due, past_due_total) = deals(r, f, |q| {
        let t = q.bind(today.to_string());
        let created = created_by(q, "d.created_at");
        format!(" AND (d.expected_close_date < {t} OR d.planned_payment_date < {t}){created}")
    })
    .await?;

    let overdue_where = |q: &mut Sql| {
        let n = q.bind(now);
        let filter = task_filter(q, f);
        let created = created_by(q, "t.created_at");
        format!("t.done_at IS NULL AND t.deleted_at IS NULL AND t.due_at < {n}{filter}{created}")
    };
    let mut q = Sql::default();
    let w = overdue_where(&mut q);
    let by_manager: Vec<OverdueRow> = r
        .rows(
            &format!(
                "SELECT t.assignee_id, COUNT(*) AS overdue, MIN(t.due_at) AS oldest_due_at FROM tasks t
                 WHERE {w} GROUP BY t.assignee_id ORDER BY t.assignee_id"
            ),
            q,
        )
        .await?;
    let mut q = Sql::default();
    let w = overdue_where(&mut q);
    let limit = q.bind(LIST_LIMIT);
    let overdue: Vec<TaskRow> = r
        .rows(
            &format!("SELECT {TASK_COLUMNS} FROM tasks t WHERE {w} ORDER BY t.due_at, t.id LIMIT {limit}"),
            q,
        )
        .await?;

    let (from, to) = period_ms(f);
    let mut q = Sql::default();
    let (a, b) = (q.bind(from), q.bind(to));
    let filter = task_filter(&mut q, f);
    // The ids first, off the partial index `tasks_short_result` alone; then their rows. In one
    // statement PostgreSQL guesses the short results at a third of the period's tasks and reads
    // the whole table instead of the index.
    let ids: Vec<IdRow> = r
        .rows_for_next(
            &format!(
                "SELECT t.id FROM tasks t
                 WHERE {SHORT_RESULT} AND t.done_at >= {a} AND t.done_at < {b}{filter}
                 ORDER BY t.done_at, t.id"
            ),
            q,
        )
        .await?;
    let mut short_results: Vec<TaskRow> = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let mut q = Sql::default();
        let list: Vec<String> = chunk.iter().map(|row| q.bind(row.id)).collect();
        let sql = format!(
            "SELECT {TASK_COLUMNS} FROM tasks t WHERE t.id IN ({}) ORDER BY t.done_at, t.id",
            list.join(", ")
        );
        short_results.extend(r.rows::<TaskRow>(&sql, q).await?);
    }
    let empty: Vec<TaskRow> = short_results
        .into_iter()
        .filter(|t| meaningful_result(t.result.as_deref().unwrap_or("")).is_err())
        .collect();
    let empty_total = empty.len() as i64;

    let horizon_days = r.process.task_horizon_days;
    let far_where = |q: &mut Sql| {
        let n = q.bind(now + horizon_days * DAY_MS);
        let filter = task_filter(q, f);
        let created = created_by(q, "t.created_at");
        format!("t.done_at IS NULL AND t.deleted_at IS NULL AND t.due_at > {n}{filter}{created}")
    };
    let (far, far_total): (Vec<TaskRow>, i64) =
        capped(r, "tasks t", "", far_where, TASK_COLUMNS, "t.due_at DESC, t.id").await?;

    let (losses, losses_total) = losses_without_comment(r, f).await?;
    let moves = overdue_moves(r, f).await?;

    let mut overdue_by_manager: Vec<OverdueCount> = by_manager
        .into_iter()
        .map(|o| OverdueCount {
            manager: people.person(o.assignee_id),
            overdue: o.overdue,
            oldest_due_at: o.oldest_due_at,
        })
        .collect();
    by_name(&mut overdue_by_manager, |o| Some(&o.manager));
    Ok(Discipline {
        today,
        deals_without_task: without_task.into_iter().map(deal).collect(),
        deals_without_task_total: without_task_total,
        overdue_tasks_total: overdue_by_manager.iter().map(|o| o.overdue).sum(),
        overdue_by_manager,
        overdue_tasks: overdue.into_iter().map(task).collect(),
        past_due_deals: past_due.into_iter().map(deal).collect(),
        past_due_deals_total: past_due_total,
        empty_results: empty.into_iter().take(LIST_LIMIT as usize).map(task).collect(),
        empty_results_total: empty_total,
        horizon_days,
        far_ahead_tasks: far.into_iter().map(task).collect(),
        far_ahead_tasks_total: far_total,
        losses_without_comment: losses
            .into_iter()
            .map(|l| LossLapse {
                deal_id: l.deal_id,
                title: l.title,
                manager: people.person(l.owner_id),
                reason: l.reason,
                amount: l.amount,
                currency: l.currency,
                lost_at: l.closed_at,
            })
            .collect(),
        losses_without_comment_total: losses_total,
        moved_overdue_total: moves.len() as i64,
        moved_overdue: moves
            .into_iter()
            .take(LIST_LIMIT as usize)
            .map(|m| OverdueMove {
                task_id: m.task_id,
                title: m.title,
                assignee: people.person(m.assignee_id),
                moved_by: m.actor_id.map(|a| people.person(a)),
                moved_at: m.at,
                due_before: m.due_before,
                due_after: m.due_after,
                reason: m.reason,
            })
            .collect(),
    })
}

const DAY_MS: i64 = 86_400_000;

#[derive(Deserialize)]
struct LossRow {
    deal_id: Id,
    title: String,
    owner_id: Id,
    reason: Option<String>,
    amount: i64,
    currency: String,
    closed_at: i64,
}

/// Deals lost in the period whose loss comment is empty, capped, and their count.
async fn losses_without_comment(r: &mut Reader<'_>, f: &ReportFilter) -> Result<(Vec<LossRow>, i64)> {
    let (from, to) = period_ms(f);
    let conditions = |q: &mut Sql| {
        let (a, b) = (q.bind(from), q.bind(to));
        let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
        format!(
            "d.status = 'lost' AND d.deleted_at IS NULL AND d.closed_at >= {a} AND d.closed_at < {b}
             AND (d.loss_comment IS NULL OR TRIM(d.loss_comment) = ''){filter}"
        )
    };
    let columns = "d.id AS deal_id, d.title, d.owner_id, lr.name AS reason, d.amount, d.currency, d.closed_at";
    let joins = " LEFT JOIN loss_reasons lr ON lr.id = d.loss_reason_id";
    capped(r, "deals d", joins, conditions, columns, "d.closed_at, d.id").await
}

/// An overdue task's move as the audit log tells it.
struct MoveRow {
    task_id: Id,
    title: String,
    assignee_id: Id,
    actor_id: Option<Id>,
    at: i64,
    due_before: i64,
    due_after: i64,
    reason: Option<String>,
}

/// The audit entries of tasks whose due time changed in the period: the index
/// `audit_log_task_moves` holds exactly those.
#[derive(Deserialize)]
struct DueChangeRow {
    task_id: Id,
    title: String,
    assignee_id: Id,
    actor_id: Option<Id>,
    at: i64,
    before: Option<String>,
    after: Option<String>,
    reason: Option<String>,
}

/// Overdue tasks moved to a later due time in the period, oldest move first: every audited
/// change of a task's due time whose old due time had passed when it was made.
async fn overdue_moves(r: &mut Reader<'_>, f: &ReportFilter) -> Result<Vec<MoveRow>> {
    let (from, to) = period_ms(f);
    let mut q = Sql::default();
    let (a, b) = (q.bind(from), q.bind(to));
    let filter = task_filter(&mut q, f);
    let rows: Vec<DueChangeRow> = r
        .rows(
            &format!(
                "SELECT t.id AS task_id, t.title, t.assignee_id, al.actor_id, al.at, al.before, al.after,
                 (SELECT tr.reason FROM task_reschedules tr WHERE tr.task_id = t.id AND tr.at = al.at
                  ORDER BY tr.id LIMIT 1) AS reason
                 FROM audit_log al JOIN tasks t ON t.id = al.entity_id
                 WHERE al.entity = 'task' AND al.action = 'update' AND al.before LIKE '%\"due_at\"%'
                 AND al.at >= {a} AND al.at < {b} AND t.deleted_at IS NULL{filter}
                 ORDER BY al.at, al.id"
            ),
            q,
        )
        .await?;
    let json = |text: &Option<String>| -> serde_json::Value {
        text.as_deref()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    };
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let (before, after) = (json(&row.before), json(&row.after));
            let due_before = before.get("due_at")?.as_i64()?;
            let due_after = after.get("due_at")?.as_i64()?;
            // The reason the move of an overdue task keeps (task_reschedules), written by the
            // same unit of work as the audit entry, so at the same instant.
            let reason = row.reason;
            // Overdue when moved, and moved later (not a correction to an earlier time).
            (due_before < row.at && due_after > due_before).then_some(MoveRow {
                task_id: row.task_id,
                title: row.title,
                assignee_id: row.assignee_id,
                actor_id: row.actor_id,
                at: row.at,
                due_before,
                due_after,
                reason,
            })
        })
        .collect())
}
