use super::Person;
use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use serde::{Deserialize, Serialize};

/// How fast new leads are answered. A lead is a deal created in the period; its response time
/// is the minutes from its creation to the first of: its `contact_lead` task done, or an
/// outbound call or email logged on it. The median is over the answered leads; the share
/// within the limit (the store's lead response setting, 15 minutes by default) is over all
/// leads, so an unanswered lead counts against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LeadResponse {
    pub limit_minutes: i64,
    /// By name.
    pub managers: Vec<LeadResponseRow>,
    pub team: LeadResponseRow,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LeadResponseRow {
    /// `None` on the team row.
    pub manager: Option<Person>,
    pub leads: i64,
    pub answered: i64,
    pub within_limit: i64,
    /// Minutes, one decimal.
    pub median_minutes: Option<f64>,
    /// within_limit / leads in percent.
    pub share_within_limit: Option<f64>,
}

impl Tabular for LeadResponse {
    fn tables(&self) -> Vec<ReportTable> {
        let mut t = ReportTable::new(
            "lead_response",
            "Lead response time",
            &[
                ("manager", "Manager", K::Text),
                ("leads", "Leads", K::Integer),
                ("answered", "Answered", K::Integer),
                (
                    "within_limit",
                    &format!("Within {} min", self.limit_minutes),
                    K::Integer,
                ),
                ("median_minutes", "Median minutes", K::Number),
                ("share_within_limit", "Share within limit", K::Percent),
            ],
        );
        let cells = |r: &LeadResponseRow, name: String| {
            vec![
                Cell::Text(name),
                Cell::Integer(r.leads),
                Cell::Integer(r.answered),
                Cell::Integer(r.within_limit),
                Cell::number(r.median_minutes),
                Cell::percent(r.share_within_limit),
            ]
        };
        for r in &self.managers {
            t.row(cells(r, r.manager.as_ref().map(|p| p.name.clone()).unwrap_or_default()));
        }
        vec![t.with_totals(cells(&self.team, "Team".into()))]
    }
}
