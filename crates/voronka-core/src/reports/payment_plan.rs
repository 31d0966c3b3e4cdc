use super::Person;
use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use crate::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Planned payments due in one Monday–Sunday week (the week holding the filter's `from`),
/// cancelled ones left out, paid ones marked. Expected = amount × the deal's win probability
/// (its stage's when the deal has none); a paid payment is expected in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct PaymentPlan {
    pub week_start: NaiveDate,
    pub week_end: NaiveDate,
    /// By planned date, then manager, then payment id.
    pub payments: Vec<PlannedPayment>,
    pub total_amount: i64,
    pub total_expected: i64,
    pub total_paid: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct PlannedPayment {
    pub payment_id: Id,
    pub manager: Person,
    pub company_id: Option<Id>,
    pub company: Option<String>,
    pub industry: Option<String>,
    pub deal_id: Id,
    pub deal: String,
    pub planned_date: NaiveDate,
    pub amount: i64,
    pub currency: String,
    /// Percent.
    pub probability: i64,
    pub expected: i64,
    pub paid: bool,
    /// The UTC day it was paid.
    pub paid_on: Option<NaiveDate>,
}

impl PaymentPlan {
    /// The week's table with its columns and no rows.
    pub fn payments_table(week_start: NaiveDate, week_end: NaiveDate) -> ReportTable {
        ReportTable::new(
            "payments",
            &format!("Payment plan {week_start} – {week_end}"),
            &[
                ("manager", "Manager", K::Text),
                ("company", "Company", K::Text),
                ("industry", "Industry", K::Text),
                ("deal", "Deal", K::Text),
                ("planned_date", "Planned date", K::Date),
                ("amount", "Amount", K::Money),
                ("probability", "Probability", K::Percent),
                ("expected", "Expected", K::Money),
                ("paid", "Paid", K::Money),
                ("paid_on", "Paid on", K::Date),
            ],
        )
    }

    /// The columns of [`PaymentPlan::payments_table`] whose totals are the sums of their cells:
    /// amount, expected and paid.
    pub const SUMMED_COLUMNS: [usize; 3] = [5, 7, 8];

    /// One payment's row of [`PaymentPlan::payments_table`].
    pub fn payment_cells(p: &PlannedPayment) -> Vec<Cell> {
        vec![
            Cell::text(&p.manager.name),
            Cell::opt_text(p.company.as_deref()),
            Cell::opt_text(p.industry.as_deref()),
            Cell::text(&p.deal),
            Cell::Date(p.planned_date),
            Cell::money(p.amount, &p.currency),
            Cell::Percent(p.probability as f64),
            Cell::money(p.expected, &p.currency),
            Cell::money(if p.paid { p.amount } else { 0 }, &p.currency),
            Cell::opt_date(p.paid_on),
        ]
    }
}

impl Tabular for PaymentPlan {
    fn tables(&self) -> Vec<ReportTable> {
        let mut t = PaymentPlan::payments_table(self.week_start, self.week_end);
        let mut currency = String::from("UAH");
        for p in &self.payments {
            currency = p.currency.clone();
            t.row(PaymentPlan::payment_cells(p));
        }
        let totals = vec![
            Cell::text("Total"),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::money(self.total_amount, &currency),
            Cell::Empty,
            Cell::money(self.total_expected, &currency),
            Cell::money(self.total_paid, &currency),
            Cell::Empty,
        ];
        vec![t.with_totals(totals)]
    }
}
