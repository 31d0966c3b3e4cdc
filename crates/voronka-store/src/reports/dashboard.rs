//! Plan and fact for one month, per manager and for the team.

use super::{PAID_OF_LIVE_DEALS, Reader, Sql, by_name};
use chrono::Days;
use serde::Deserialize;
use std::collections::HashMap;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

#[derive(Deserialize)]
struct Sum {
    user_id: Id,
    amount: i64,
}

#[derive(Deserialize)]
struct PlanRow {
    user_id: Option<Id>,
    revenue_target: i64,
}

#[derive(Deserialize)]
struct Member {
    id: Id,
}

async fn sums(r: &mut Reader<'_>, sql: &str, q: Sql) -> Result<HashMap<Id, i64>> {
    let rows: Vec<Sum> = r.rows(sql, q).await?;
    Ok(rows.into_iter().map(|s| (s.user_id, s.amount)).collect())
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<Dashboard> {
    let start = month_start(f.to);
    let end = month_end(f.to);
    let (from_ms, to_ms) = (day_start_ms(start), day_start_ms(end + Days::new(1)));
    let month = month_key(start);
    let today = r.today();

    let mut q = Sql::default();
    let m = q.bind(month.as_str());
    let only = match f.manager_id {
        Some(id) => format!(" AND u.id = {}", q.bind(id)),
        None => String::new(),
    };
    let members: Vec<Member> = r
        .rows(
            &format!(
                "SELECT u.id FROM users u WHERE u.deleted_at IS NULL
                 AND (u.role = 'manager' OR EXISTS (SELECT 1 FROM plans p WHERE p.user_id = u.id AND p.month = {m} AND p.deleted_at IS NULL)){only}
                 ORDER BY u.id"
            ),
            q,
        )
        .await?;

    let mut q = Sql::default();
    let m = q.bind(month.as_str());
    let plans: Vec<PlanRow> = r
        .rows(
            &format!("SELECT user_id, revenue_target FROM plans WHERE month = {m} AND deleted_at IS NULL ORDER BY id"),
            q,
        )
        .await?;

    let mut q = Sql::default();
    let (a, b) = (q.bind(from_ms), q.bind(to_ms));
    let filter = q.deal_filter(f, "p.deal_pipeline_id", "p.deal_owner_id");
    let fact = sums(
        r,
        &format!(
            "SELECT p.deal_owner_id AS user_id, CAST(SUM(p.amount) AS BIGINT) AS amount
             FROM {PAID_OF_LIVE_DEALS}
             AND p.paid_at >= {a} AND p.paid_at < {b}{filter}
             GROUP BY p.deal_owner_id"
        ),
        q,
    )
    .await?;

    let mut q = Sql::default();
    let (a, b) = (q.bind(from_ms), q.bind(to_ms));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    let won = sums(
        r,
        &format!(
            "SELECT d.owner_id AS user_id, CAST(SUM(d.amount) AS BIGINT) AS amount FROM deals d
             WHERE d.status = 'won' AND d.deleted_at IS NULL AND d.closed_at >= {a} AND d.closed_at < {b}{filter}
             GROUP BY d.owner_id"
        ),
        q,
    )
    .await?;

    // Amount × percent stays an integer; it is divided by 100 once, per person.
    let mut q = Sql::default();
    let (a, b) = (q.bind(start.to_string()), q.bind(end.to_string()));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    let weighted_open = sums(
        r,
        &format!(
            "SELECT d.owner_id AS user_id,
             CAST(SUM(p.amount * COALESCE(d.win_probability, s.win_probability)) AS BIGINT) AS amount
             FROM payments p JOIN deals d ON d.id = p.deal_id JOIN stages s ON s.id = d.stage_id
             WHERE p.status = 'planned' AND p.deleted_at IS NULL AND d.deleted_at IS NULL
             AND p.planned_date >= {a} AND p.planned_date <= {b}{filter}
             GROUP BY d.owner_id"
        ),
        q,
    )
    .await?;

    let people = r.people().await?;
    let calendar = r.process.calendar();
    let working_days = calendar.working_days_in_month(start);
    let elapsed = calendar.working_days_elapsed(start, today);
    let plan_of = |id: Option<Id>| plans.iter().find(|p| p.user_id == id).map(|p| p.revenue_target);
    let get = |m: &HashMap<Id, i64>, id: Id| m.get(&id).copied().unwrap_or(0);
    let mut managers: Vec<DashboardRow> = members
        .iter()
        .map(|u| {
            DashboardRow::new(
                Some(people.person(u.id)),
                plan_of(Some(u.id)).unwrap_or(0),
                get(&fact, u.id),
                get(&won, u.id),
                weighted(get(&weighted_open, u.id)),
                elapsed,
                working_days,
            )
        })
        .collect();
    by_name(&mut managers, |r| r.manager.as_ref());
    let team_plan = match (f.manager_id, plan_of(None)) {
        (None, Some(team)) => team,
        _ => managers.iter().map(|m| m.plan).sum(),
    };
    let team = DashboardRow::new(
        None,
        team_plan,
        fact.values().sum(),
        won.values().sum(),
        weighted(weighted_open.values().sum()),
        elapsed,
        working_days,
    );
    Ok(Dashboard {
        month,
        currency: r.currency(),
        today,
        working_days,
        working_days_elapsed: elapsed,
        managers,
        team,
    })
}
