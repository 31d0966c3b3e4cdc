use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use super::{Person, StageRef};
use crate::Id;
use serde::{Deserialize, Serialize};

/// Days deals spend in each open stage: every spell in the stage that began in the period,
/// a finished one by its length and the current one up to now. Won and lost stages are left
/// out: a deal stays in them for good. Stuck deals are the open deals (of the filter's pipeline
/// and manager, whenever they were created) that have sat in their stage longer than the
/// threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct TimeInStage {
    pub currency: String,
    pub stuck_after_days: i64,
    pub stages: Vec<StageTime>,
    /// Longest in their stage first, at most [`super::LIST_LIMIT`].
    pub stuck: Vec<StuckDeal>,
    pub stuck_total: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct StageTime {
    pub stage: StageRef,
    /// Spells counted.
    pub spells: i64,
    /// Of them still running.
    pub current: i64,
    /// Days, two decimals; `None` with no spells.
    pub mean_days: Option<f64>,
    /// The middle spell's days, or the mean of the two middle ones.
    pub median_days: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct StuckDeal {
    pub deal_id: Id,
    pub title: String,
    pub manager: Person,
    pub stage: String,
    pub days_in_stage: f64,
    pub amount: i64,
}

impl Tabular for TimeInStage {
    fn tables(&self) -> Vec<ReportTable> {
        let mut t = ReportTable::new(
            "stages",
            "Days in stage",
            &[
                ("stage", "Stage", K::Text),
                ("spells", "Spells", K::Integer),
                ("current", "Still there", K::Integer),
                ("mean_days", "Mean days", K::Days),
                ("median_days", "Median days", K::Days),
            ],
        );
        for s in &self.stages {
            t.row(vec![
                Cell::text(&s.stage.name),
                Cell::Integer(s.spells),
                Cell::Integer(s.current),
                Cell::days(s.mean_days),
                Cell::days(s.median_days),
            ]);
        }
        let mut stuck = ReportTable::new(
            "stuck",
            &format!("Stuck over {} days ({} deals)", self.stuck_after_days, self.stuck_total),
            &[
                ("deal", "Deal", K::Text),
                ("manager", "Manager", K::Text),
                ("stage", "Stage", K::Text),
                ("days_in_stage", "Days in stage", K::Days),
                ("amount", "Amount", K::Money),
            ],
        );
        for d in &self.stuck {
            stuck.row(vec![
                Cell::text(&d.title),
                Cell::text(&d.manager.name),
                Cell::text(&d.stage),
                Cell::Days(d.days_in_stage),
                Cell::money(d.amount, &self.currency),
            ]);
        }
        vec![t, stuck]
    }
}
