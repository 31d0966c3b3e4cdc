use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use super::{Person, StageRef};
use crate::Id;
use serde::{Deserialize, Serialize};

/// Deals lost in the period (closed in a lost stage), by reason and by manager. The stage of
/// loss is the stage a deal was in just before it entered the lost stage (from its stage
/// history): many losses at middle stages mean hard leads dumped rather than worked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossReasons {
    pub currency: String,
    pub lost: i64,
    pub amount: i64,
    /// Most losses first, then by the dictionary's order; deals without a reason last.
    pub by_reason: Vec<LossByReason>,
    /// By manager name.
    pub by_manager: Vec<LossByManager>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossByReason {
    pub reason_id: Option<Id>,
    pub reason: Option<String>,
    pub count: i64,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossByManager {
    pub manager: Person,
    pub count: i64,
    pub amount: i64,
    /// In pipeline stage order.
    pub by_stage: Vec<LossAtStage>,
    /// In the order of the report's `by_reason`: what the stacked bar of this manager shows.
    pub by_reason: Vec<LossByReason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossAtStage {
    /// `None` when the history holds no stage before the lost one.
    pub stage: Option<StageRef>,
    pub count: i64,
    pub amount: i64,
}

impl Tabular for LossReasons {
    fn tables(&self) -> Vec<ReportTable> {
        let m = |v| Cell::money(v, &self.currency);
        let mut reasons = ReportTable::new(
            "by_reason",
            "Losses by reason",
            &[
                ("reason", "Reason", K::Text),
                ("count", "Deals", K::Integer),
                ("amount", "Amount", K::Money),
            ],
        );
        for r in &self.by_reason {
            reasons.row(vec![
                Cell::opt_text(r.reason.as_deref()),
                Cell::Integer(r.count),
                m(r.amount),
            ]);
        }
        let reasons = reasons.with_totals(vec![Cell::text("Total"), Cell::Integer(self.lost), m(self.amount)]);
        let mut managers = ReportTable::new(
            "by_manager",
            "Losses by manager and stage of loss",
            &[
                ("manager", "Manager", K::Text),
                ("stage", "Stage of loss", K::Text),
                ("count", "Deals", K::Integer),
                ("amount", "Amount", K::Money),
            ],
        );
        for by in &self.by_manager {
            for s in &by.by_stage {
                managers.row(vec![
                    Cell::text(&by.manager.name),
                    Cell::opt_text(s.stage.as_ref().map(|s| s.name.as_str())),
                    Cell::Integer(s.count),
                    m(s.amount),
                ]);
            }
        }
        let managers = managers.with_totals(vec![
            Cell::text("Total"),
            Cell::Empty,
            Cell::Integer(self.lost),
            m(self.amount),
        ]);
        let mut manager_reasons = ReportTable::new(
            "by_manager_reason",
            "Losses by manager and reason",
            &[
                ("manager", "Manager", K::Text),
                ("reason", "Reason", K::Text),
                ("count", "Deals", K::Integer),
                ("amount", "Amount", K::Money),
            ],
        );
        for by in &self.by_manager {
            for r in &by.by_reason {
                manager_reasons.row(vec![
                    Cell::text(&by.manager.name),
                    Cell::opt_text(r.reason.as_deref()),
                    Cell::Integer(r.count),
                    m(r.amount),
                ]);
            }
        }
        let manager_reasons = manager_reasons.with_totals(vec![
            Cell::text("Total"),
            Cell::Empty,
            Cell::Integer(self.lost),
            m(self.amount),
        ]);
        vec![reasons, managers, manager_reasons]
    }
}
