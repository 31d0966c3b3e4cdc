use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use super::{Person, div_round, percent};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Plan against fact for one month: the month holding the filter's `to` day.
///
/// - plan: the person's revenue target for the month (the team's own plan for the team row,
///   or the sum of the managers' when the team has none);
/// - fact: payments received (paid) in the month, of the deals the person owns;
/// - won: the amount of deals won in the month;
/// - expected to date: plan × working days elapsed (up to and including today) / working days
///   of the month (Mon–Fri);
/// - forecast: fact + Σ (planned, not yet paid payments due in the month × the deal's win
///   probability, or its stage's when the deal has none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Dashboard {
    /// "YYYY-MM".
    pub month: String,
    pub currency: String,
    /// The day "to date" is counted to: today per the store's clock.
    pub today: NaiveDate,
    pub working_days: i64,
    pub working_days_elapsed: i64,
    /// Managers (and anyone with a plan for the month), by name.
    pub managers: Vec<DashboardRow>,
    pub team: DashboardRow,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DashboardRow {
    /// `None` on the team row.
    pub manager: Option<Person>,
    pub plan: i64,
    pub fact: i64,
    pub won: i64,
    pub expected_to_date: i64,
    /// fact / plan in percent, one decimal; `None` without a plan.
    pub percent_of_plan: Option<f64>,
    /// fact / expected to date in percent, one decimal.
    pub percent_of_expected: Option<f64>,
    pub forecast: i64,
}

impl DashboardRow {
    /// A row from its sums; `weighted_open` is Σ planned payments × probability, in minor units.
    pub fn new(
        manager: Option<Person>,
        plan: i64,
        fact: i64,
        won: i64,
        weighted_open: i64,
        elapsed: i64,
        working_days: i64,
    ) -> DashboardRow {
        let expected_to_date = div_round(plan * elapsed, working_days);
        DashboardRow {
            manager,
            plan,
            fact,
            won,
            expected_to_date,
            percent_of_plan: percent(fact, plan),
            percent_of_expected: percent(fact, expected_to_date),
            forecast: fact + weighted_open,
        }
    }
}

impl Tabular for Dashboard {
    fn tables(&self) -> Vec<ReportTable> {
        let mut t = ReportTable::new(
            "plan_fact",
            &format!("Plan and fact, {}", self.month),
            &[
                ("manager", "Manager", K::Text),
                ("plan", "Plan", K::Money),
                ("fact", "Fact (received)", K::Money),
                ("won", "Won", K::Money),
                ("expected_to_date", "Expected to date", K::Money),
                ("percent_of_plan", "% of plan", K::Percent),
                ("percent_of_expected", "% of expected", K::Percent),
                ("forecast", "Forecast", K::Money),
            ],
        );
        let cells = |r: &DashboardRow, name: String| {
            let m = |v| Cell::money(v, &self.currency);
            vec![
                Cell::Text(name),
                m(r.plan),
                m(r.fact),
                m(r.won),
                m(r.expected_to_date),
                Cell::percent(r.percent_of_plan),
                Cell::percent(r.percent_of_expected),
                m(r.forecast),
            ]
        };
        for r in &self.managers {
            t.row(cells(r, r.manager.as_ref().map(|p| p.name.clone()).unwrap_or_default()));
        }
        vec![t.with_totals(cells(&self.team, "Team".into()))]
    }
}
