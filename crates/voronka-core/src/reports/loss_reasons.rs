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
        // Each manager's losses split by a second column (stage or reason), with the totals.
        let per_manager = |name: &str, title: &str, split: (&str, &str), rows: Vec<(&str, Option<&str>, i64, i64)>| {
            let mut table = ReportTable::new(
                name,
                title,
                &[
                    ("manager", "Manager", K::Text),
                    (split.0, split.1, K::Text),
                    ("count", "Deals", K::Integer),
                    ("amount", "Amount", K::Money),
                ],
            );
            for (manager, label, count, amount) in rows {
                table.row(vec![
                    Cell::text(manager),
                    Cell::opt_text(label),
                    Cell::Integer(count),
                    m(amount),
                ]);
            }
            table.with_totals(vec![
                Cell::text("Total"),
                Cell::Empty,
                Cell::Integer(self.lost),
                m(self.amount),
            ])
        };
        let managers = per_manager(
            "by_manager",
            "Losses by manager and stage of loss",
            ("stage", "Stage of loss"),
            self.by_manager
                .iter()
                .flat_map(|by| {
                    by.by_stage.iter().map(|s| {
                        let stage = s.stage.as_ref().map(|s| s.name.as_str());
                        (by.manager.name.as_str(), stage, s.count, s.amount)
                    })
                })
                .collect(),
        );
        let manager_reasons = per_manager(
            "by_manager_reason",
            "Losses by manager and reason",
            ("reason", "Reason"),
            self.by_manager
                .iter()
                .flat_map(|by| {
                    by.by_reason
                        .iter()
                        .map(|r| (by.manager.name.as_str(), r.reason.as_deref(), r.count, r.amount))
                })
                .collect(),
        );
        vec![reasons, managers, manager_reasons]
    }
}
