//! What the managers did: by day, idle clients, plan fulfilment by month.

use super::{PAID_OF_LIVE_DEALS, Reader, Sql, by_name, date_of_ms, period_ms, six_months};
use crate::figures::DAY_MS;
use chrono::Days;
use serde::Deserialize;
use std::collections::BTreeSet;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

#[derive(Deserialize, Clone, Copy)]
struct DayRow {
    user_id: Id,
    day: i64,
    calls: i64,
    meetings: i64,
    done: i64,
}

#[derive(Deserialize, Default)]
struct Count {
    n: i64,
}

#[derive(Deserialize)]
struct IdleRow {
    id: Id,
    name: String,
    owner_id: Id,
    last_at: Option<i64>,
}

#[derive(Deserialize)]
struct PlanRow {
    user_id: Id,
    month: String,
    revenue_target: i64,
    calls_target: i64,
    meetings_target: i64,
}

#[derive(Deserialize)]
struct MonthSum {
    user_id: Id,
    month: i64,
    amount: i64,
}

#[derive(Deserialize)]
struct Member {
    id: Id,
}

/// `CASE` numbering the month an instant falls in, 0 to 5, by the months' boundaries.
fn month_index(q: &mut Sql, column: &str, bounds: &[i64]) -> String {
    let mut out = String::from("CASE");
    for (i, b) in bounds[1..6].iter().enumerate() {
        out.push_str(&format!(" WHEN {column} < {} THEN {i}", q.bind(*b)));
    }
    out.push_str(" ELSE 5 END");
    out
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter, idle_after_days: i64) -> Result<ActivityReport> {
    let now = r.now.timestamp_millis();
    let (from, to) = period_ms(f);

    // Calls, meetings and tasks done by manager and day, over the period and the six months of
    // plan fulfilment together, from the daily counts kept in `activity_days` (see the store's
    // `figures`). Its days are UTC days, as the period's and months' boundaries are, so each
    // falls wholly in or out of the period and in one month.
    let (months, bounds) = six_months(f);
    let (lo, hi) = (from.min(bounds[0]), to.max(bounds[6]));
    let mut q = Sql::default();
    let (a, b) = (q.bind(lo / DAY_MS), q.bind(hi / DAY_MS));
    let mut filter = String::new();
    if let Some(p) = f.pipeline_id {
        filter.push_str(&format!(" AND pipeline_id = {}", q.bind(p)));
    }
    if let Some(m) = f.manager_id {
        filter.push_str(&format!(" AND user_id = {}", q.bind(m)));
    }
    let all_days: Vec<DayRow> = r
        .rows(
            &format!(
                "SELECT user_id, day, CAST(SUM(calls) AS BIGINT) AS calls, CAST(SUM(meetings) AS BIGINT) AS meetings,
                 CAST(SUM(tasks_done) AS BIGINT) AS done
                 FROM activity_days WHERE day >= {a} AND day < {b}{filter}
                 GROUP BY user_id, day ORDER BY day, user_id"
            ),
            q,
        )
        .await?;
    let starts = |d: &DayRow| d.day * DAY_MS;
    // The period's days, numbered from its start.
    let days: Vec<DayRow> = all_days
        .iter()
        .filter(|d| (from..to).contains(&starts(d)))
        .map(|d| DayRow {
            day: (starts(d) - from) / DAY_MS,
            ..*d
        })
        .collect();
    // Each month's calls and meetings, by its index among the six.
    let monthly = |count: fn(&DayRow) -> i64| {
        let mut sums: Vec<MonthSum> = Vec::new();
        for d in &all_days {
            let Some(i) = (0..6).find(|&i| (bounds[i]..bounds[i + 1]).contains(&starts(d))) else {
                continue;
            };
            match sums.iter_mut().find(|s| s.user_id == d.user_id && s.month == i as i64) {
                Some(s) => s.amount += count(d),
                None => sums.push(MonthSum {
                    user_id: d.user_id,
                    month: i as i64,
                    amount: count(d),
                }),
            }
        }
        sums
    };
    let (calls, meetings) = (monthly(|d| d.calls), monthly(|d| d.meetings));

    // Idle clients: never contacted, or last contacted before the cutoff. The latest contact is
    // kept on the company (see the store's `figures`) and the index `companies_idle` holds it
    // with all a row of this list needs, never-contacted first, as the list is ordered. They are
    // counted as two ranges of that index: an OR of the two would have SQLite scan the table.
    let cutoff = now - idle_after_days * DAY_MS;
    let owner = |q: &mut Sql| match f.manager_id {
        Some(m) => format!(" AND c.owner_id = {}", q.bind(m)),
        None => String::new(),
    };
    let mut q = Sql::default();
    let (never, before) = (owner(&mut q), owner(&mut q));
    let cut = q.bind(cutoff);
    let idle_total: Count = r
        .one(
            &format!(
                "SELECT (SELECT COUNT(*) FROM companies c WHERE c.deleted_at IS NULL AND c.last_contact_at IS NULL{never})
                 + (SELECT COUNT(*) FROM companies c WHERE c.deleted_at IS NULL AND c.last_contact_at < {cut}{before}) AS n"
            ),
            q,
        )
        .await?;
    let mut q = Sql::default();
    let cut = q.bind(cutoff);
    let only = owner(&mut q);
    let limit = q.bind(LIST_LIMIT);
    let idle: Vec<IdleRow> = r
        .rows(
            &format!(
                "SELECT c.id, c.name, c.owner_id, c.last_contact_at AS last_at FROM companies c
                 WHERE c.deleted_at IS NULL AND (c.last_contact_at IS NULL OR c.last_contact_at < {cut}){only}
                 ORDER BY c.last_contact_at NULLS FIRST, c.id LIMIT {limit}"
            ),
            q,
        )
        .await?;

    // Plan fulfilment of the six months ending with `to`'s.
    let keys: Vec<String> = months.iter().map(|m| month_key(*m)).collect();
    let mut q = Sql::default();
    let list: Vec<String> = keys.iter().map(|k| q.bind(k.as_str())).collect();
    let only = match f.manager_id {
        Some(m) => format!(" AND user_id = {}", q.bind(m)),
        None => String::new(),
    };
    let plans: Vec<PlanRow> = r
        .rows(
            &format!(
                "SELECT user_id, month, revenue_target, calls_target, meetings_target FROM plans
                 WHERE deleted_at IS NULL AND user_id IS NOT NULL AND month IN ({}){only} ORDER BY user_id, month",
                list.join(", ")
            ),
            q,
        )
        .await?;
    let mut q = Sql::default();
    let (lo, hi) = (q.bind(bounds[0]), q.bind(bounds[6]));
    let idx = month_index(&mut q, "p.paid_at", &bounds);
    let filter = q.deal_filter(f, "p.deal_pipeline_id", "p.deal_owner_id");
    let revenue: Vec<MonthSum> = r
        .rows(
            &format!(
                "SELECT user_id, month, CAST(SUM(amount) AS BIGINT) AS amount
                 FROM (SELECT p.deal_owner_id AS user_id, {idx} AS month, p.amount FROM {PAID_OF_LIVE_DEALS}
                       AND p.paid_at >= {lo} AND p.paid_at < {hi}{filter}) x
                 GROUP BY user_id, month ORDER BY user_id, month"
            ),
            q,
        )
        .await?;

    let mut q = Sql::default();
    let only = match f.manager_id {
        Some(m) => format!(" AND u.id = {}", q.bind(m)),
        None => String::new(),
    };
    let members: Vec<Member> = r
        .rows(
            &format!("SELECT u.id FROM users u WHERE u.deleted_at IS NULL AND u.role = 'manager'{only} ORDER BY u.id"),
            q,
        )
        .await?;

    let people = r.people().await?;
    let mut day_rows: Vec<ActivityDay> = days
        .iter()
        .map(|d| ActivityDay {
            day: f.from + Days::new(d.day as u64),
            manager: people.person(d.user_id),
            calls: d.calls,
            meetings: d.meetings,
            tasks_done: d.done,
        })
        .collect();
    day_rows.sort_by(|x, y| (x.day, &x.manager.name, x.manager.id).cmp(&(y.day, &y.manager.name, y.manager.id)));

    let who: BTreeSet<Id> = members
        .iter()
        .map(|m| m.id)
        .chain(plans.iter().map(|p| p.user_id))
        .collect();
    let fact = |sums: &[MonthSum], user: Id, i: usize| {
        sums.iter()
            .find(|s| s.user_id == user && s.month == i as i64)
            .map(|s| s.amount)
            .unwrap_or(0)
    };
    let mut plan_fulfilment = Vec::new();
    for user in who {
        for (i, key) in keys.iter().enumerate() {
            let plan = plans.iter().find(|p| p.user_id == user && &p.month == key);
            let (rp, cp, mp) = plan
                .map(|p| (p.revenue_target, p.calls_target, p.meetings_target))
                .unwrap_or((0, 0, 0));
            let (rf, cf, mf) = (fact(&revenue, user, i), fact(&calls, user, i), fact(&meetings, user, i));
            plan_fulfilment.push(MonthFulfilment {
                manager: people.person(user),
                month: key.clone(),
                revenue_plan: rp,
                revenue_fact: rf,
                revenue_percent: percent(rf, rp),
                calls_plan: cp,
                calls_fact: cf,
                calls_percent: percent(cf, cp),
                meetings_plan: mp,
                meetings_fact: mf,
                meetings_percent: percent(mf, mp),
            });
        }
    }
    by_name(&mut plan_fulfilment, |p| Some(&p.manager));

    Ok(ActivityReport {
        currency: r.currency(),
        idle_after_days,
        days: day_rows,
        idle_companies: idle
            .into_iter()
            .map(|c| IdleCompany {
                company_id: c.id,
                company: c.name,
                owner: people.person(c.owner_id),
                last_contact: c.last_at.and_then(date_of_ms),
            })
            .collect(),
        idle_companies_total: idle_total.n,
        plan_fulfilment,
    })
}
