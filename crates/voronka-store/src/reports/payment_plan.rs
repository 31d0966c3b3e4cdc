//! The payments due in one Monday–Sunday week.

use super::cursor::{Out, spawn_reading};
use super::{People, Reader, Sql, date_of_ms, parse_date};
use crate::Store;
use chrono::NaiveDate;
use serde::Deserialize;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

#[derive(Deserialize)]
struct Row {
    payment_id: Id,
    owner_id: Id,
    company_id: Option<Id>,
    company: Option<String>,
    industry: Option<String>,
    deal_id: Id,
    deal: String,
    planned_date: String,
    amount: i64,
    currency: String,
    probability: i64,
    status: String,
    paid_at: Option<i64>,
}

/// The week's payments, `ORDER BY` still to come, with the week.
fn statement(f: &ReportFilter) -> (String, Sql, NaiveDate, NaiveDate) {
    let (monday, sunday) = week_of(f.from);
    let mut q = Sql::default();
    let (a, b) = (q.bind(monday.to_string()), q.bind(sunday.to_string()));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    let sql = format!(
        "SELECT p.id AS payment_id, d.owner_id, c.id AS company_id, c.name AS company,
         COALESCE(ind.name, c.industry) AS industry,
         d.id AS deal_id, d.title AS deal, p.planned_date, p.amount, p.currency,
         COALESCE(d.win_probability, s.win_probability) AS probability, p.status, p.paid_at
         FROM payments p JOIN deals d ON d.id = p.deal_id JOIN stages s ON s.id = d.stage_id
         LEFT JOIN companies c ON c.id = d.company_id
         LEFT JOIN dictionary_entries ind ON ind.dictionary = 'industry' AND ind.code = c.industry
         WHERE p.deleted_at IS NULL AND d.deleted_at IS NULL AND p.status <> 'cancelled'
         AND p.planned_date >= {a} AND p.planned_date <= {b}{filter}"
    );
    (sql, q, monday, sunday)
}

fn planned_payment(row: Row, people: &People, monday: NaiveDate) -> PlannedPayment {
    let paid = row.status == "paid";
    PlannedPayment {
        payment_id: row.payment_id,
        manager: people.person(row.owner_id),
        company_id: row.company_id,
        company: row.company,
        industry: row.industry,
        deal_id: row.deal_id,
        deal: row.deal,
        planned_date: parse_date(&row.planned_date).unwrap_or(monday),
        amount: row.amount,
        currency: row.currency,
        probability: row.probability,
        expected: if paid {
            row.amount
        } else {
            weighted(row.amount * row.probability)
        },
        paid,
        paid_on: row.paid_at.and_then(date_of_ms),
    }
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<PaymentPlan> {
    let (sql, q, monday, sunday) = statement(f);
    let rows: Vec<Row> = r.rows(&format!("{sql} ORDER BY p.planned_date, p.id"), q).await?;
    let people = r.people().await?;
    let mut payments: Vec<PlannedPayment> = rows
        .into_iter()
        .map(|row| planned_payment(row, &people, monday))
        .collect();
    payments.sort_by(|a, b| {
        (a.planned_date, &a.manager.name, a.manager.id, a.payment_id).cmp(&(
            b.planned_date,
            &b.manager.name,
            b.manager.id,
            b.payment_id,
        ))
    });
    Ok(PaymentPlan {
        week_start: monday,
        week_end: sunday,
        total_amount: payments.iter().map(|p| p.amount).sum(),
        total_expected: payments.iter().map(|p| p.expected).sum(),
        total_paid: payments.iter().filter(|p| p.paid).map(|p| p.amount).sum(),
        payments,
    })
}

/// The week's payments for an export, read from a cursor in the report's order.
pub(super) fn planned(store: Store, f: ReportFilter) -> PlannedWeek {
    let (monday, sunday) = week_of(f.from);
    PlannedWeek {
        week_start: monday,
        week_end: sunday,
        payments: spawn_reading(move |out| async move { send_planned(&store, &f, &out).await }),
    }
}

async fn send_planned(store: &Store, f: &ReportFilter, out: &Out<PlannedPayment>) -> Result<()> {
    let mut r = store.report_reader(false).await?;
    let people = r.people().await?;
    let (sql, mut q, monday, _) = statement(f);
    // The report orders a day's payments by their manager's name, bytewise, which SQL cannot
    // do the same on both backends: the managers are ranked here, and the rank is the order.
    let mut managers: Vec<(&String, Id)> = people.0.iter().map(|(id, name)| (name, *id)).collect();
    managers.sort();
    let ranks: Vec<String> = managers
        .iter()
        .enumerate()
        .map(|(rank, (_, id))| format!("WHEN {} THEN {rank}", q.bind(*id)))
        .collect();
    let by_manager = if ranks.is_empty() {
        String::new()
    } else {
        format!("CASE d.owner_id {} END, ", ranks.join(" "))
    };
    let sql = format!("{sql} ORDER BY p.planned_date, {by_manager}d.owner_id, p.id");
    let mut rows = std::pin::pin!(r.stream::<Row>(&sql, q));
    while let Some(row) = futures_util::TryStreamExt::try_next(&mut rows).await? {
        if !out.send(planned_payment(row, &people, monday)).await {
            break;
        }
    }
    Ok(())
}
