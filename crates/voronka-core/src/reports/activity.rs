use super::Person;
use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use crate::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the managers did: calls and meetings logged and tasks done, per manager per UTC day of
/// the period (days with nothing left out); the companies nobody called, wrote to or met for
/// the idle threshold (by the company's owner; companies never contacted first); and the plan
/// fulfilment of each of the six months ending with the month of the filter's `to`: revenue
/// (payments received), calls and meetings against their targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ActivityReport {
    pub currency: String,
    pub idle_after_days: i64,
    /// By day, then manager name.
    pub days: Vec<ActivityDay>,
    pub idle_companies: Vec<IdleCompany>,
    pub idle_companies_total: i64,
    /// By manager name, then month.
    pub plan_fulfilment: Vec<MonthFulfilment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ActivityDay {
    pub day: NaiveDate,
    pub manager: Person,
    pub calls: i64,
    pub meetings: i64,
    pub tasks_done: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct IdleCompany {
    pub company_id: Id,
    pub company: String,
    pub owner: Person,
    /// The UTC day of the last call, email or meeting; `None` when never.
    pub last_contact: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct MonthFulfilment {
    pub manager: Person,
    /// "YYYY-MM".
    pub month: String,
    pub revenue_plan: i64,
    pub revenue_fact: i64,
    pub revenue_percent: Option<f64>,
    pub calls_plan: i64,
    pub calls_fact: i64,
    pub calls_percent: Option<f64>,
    pub meetings_plan: i64,
    pub meetings_fact: i64,
    pub meetings_percent: Option<f64>,
}

impl Tabular for ActivityReport {
    fn tables(&self) -> Vec<ReportTable> {
        let mut days = ReportTable::new(
            "days",
            "Activity by day",
            &[
                ("day", "Day", K::Date),
                ("manager", "Manager", K::Text),
                ("calls", "Calls", K::Integer),
                ("meetings", "Meetings", K::Integer),
                ("tasks_done", "Tasks done", K::Integer),
            ],
        );
        for d in &self.days {
            days.row(vec![
                Cell::Date(d.day),
                Cell::text(&d.manager.name),
                Cell::Integer(d.calls),
                Cell::Integer(d.meetings),
                Cell::Integer(d.tasks_done),
            ]);
        }
        let sum = |f: fn(&ActivityDay) -> i64| Cell::Integer(self.days.iter().map(f).sum());
        let days = days.with_totals(vec![
            Cell::text("Total"),
            Cell::Empty,
            sum(|d| d.calls),
            sum(|d| d.meetings),
            sum(|d| d.tasks_done),
        ]);
        let mut idle = ReportTable::new(
            "idle_companies",
            &format!(
                "Not contacted for {} days ({} companies)",
                self.idle_after_days, self.idle_companies_total
            ),
            &[
                ("company", "Company", K::Text),
                ("owner", "Owner", K::Text),
                ("last_contact", "Last contact", K::Date),
            ],
        );
        for c in &self.idle_companies {
            idle.row(vec![
                Cell::text(&c.company),
                Cell::text(&c.owner.name),
                Cell::opt_date(c.last_contact),
            ]);
        }
        let mut plans = ReportTable::new(
            "plan_fulfilment",
            "Plan fulfilment by month",
            &[
                ("manager", "Manager", K::Text),
                ("month", "Month", K::Text),
                ("revenue_plan", "Revenue plan", K::Money),
                ("revenue_fact", "Revenue", K::Money),
                ("revenue_percent", "Revenue %", K::Percent),
                ("calls_plan", "Calls plan", K::Integer),
                ("calls_fact", "Calls", K::Integer),
                ("calls_percent", "Calls %", K::Percent),
                ("meetings_plan", "Meetings plan", K::Integer),
                ("meetings_fact", "Meetings", K::Integer),
                ("meetings_percent", "Meetings %", K::Percent),
            ],
        );
        for p in &self.plan_fulfilment {
            plans.row(vec![
                Cell::text(&p.manager.name),
                Cell::text(&p.month),
                Cell::money(p.revenue_plan, &self.currency),
                Cell::money(p.revenue_fact, &self.currency),
                Cell::percent(p.revenue_percent),
                Cell::Integer(p.calls_plan),
                Cell::Integer(p.calls_fact),
                Cell::percent(p.calls_percent),
                Cell::Integer(p.meetings_plan),
                Cell::Integer(p.meetings_fact),
                Cell::percent(p.meetings_percent),
            ]);
        }
        vec![days, idle, plans]
    }
}
