use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use super::{Person, StageRef, percent};
use serde::{Deserialize, Serialize};

/// The funnel of the deals created in the period.
///
/// A deal *reached* a stage when its stage history holds that stage or any later non-lost stage
/// of the same pipeline (a deal moved straight from the first stage to "Meeting" passed
/// "Proposal sent" on its way). Conversion to the next stage = reached(next) / reached(this);
/// overall conversion = deals won / deals created. The open figures are the deals of the same
/// cohort that are open now, by their current stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Funnel {
    pub currency: String,
    /// Open and won stages in pipeline and stage order: the rows of every column.
    pub stages: Vec<StageRef>,
    pub team: FunnelColumn,
    /// Managers side by side, by name.
    pub managers: Vec<FunnelColumn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct FunnelColumn {
    /// `None` for the team.
    pub manager: Option<Person>,
    pub created: i64,
    pub won: i64,
    pub lost: i64,
    /// won / created in percent.
    pub conversion_to_won: Option<f64>,
    /// One per [`Funnel::stages`] entry, in that order.
    pub stages: Vec<FunnelStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct FunnelStep {
    pub reached: i64,
    /// reached(next stage of the pipeline) / reached(this) in percent; `None` on a pipeline's
    /// last stage or when none reached this one.
    pub conversion_to_next: Option<f64>,
    pub open_count: i64,
    pub open_amount: i64,
}

impl FunnelColumn {
    /// A column from deals counted at the furthest stage they reached: `furthest[i]` is how
    /// many stopped at `stages[i]`; `open[i]` is (count, amount) of those open in it now.
    pub fn from_counts(
        manager: Option<Person>,
        stages: &[StageRef],
        furthest: &[i64],
        open: &[(i64, i64)],
        created: i64,
        won: i64,
        lost: i64,
    ) -> FunnelColumn {
        let reached: Vec<i64> = (0..stages.len())
            .map(|i| {
                (i..stages.len())
                    .filter(|&j| stages[j].pipeline_id == stages[i].pipeline_id)
                    .map(|j| furthest[j])
                    .sum()
            })
            .collect();
        let steps = (0..stages.len())
            .map(|i| {
                let next = stages.get(i + 1).filter(|n| n.pipeline_id == stages[i].pipeline_id);
                FunnelStep {
                    reached: reached[i],
                    conversion_to_next: next.and_then(|_| percent(reached[i + 1], reached[i])),
                    open_count: open[i].0,
                    open_amount: open[i].1,
                }
            })
            .collect();
        FunnelColumn {
            manager,
            created,
            won,
            lost,
            conversion_to_won: percent(won, created),
            stages: steps,
        }
    }
}

impl Tabular for Funnel {
    fn tables(&self) -> Vec<ReportTable> {
        let mut t = ReportTable::new(
            "funnel",
            "Funnel of the deals created in the period",
            &[
                ("manager", "Manager", K::Text),
                ("stage", "Stage", K::Text),
                ("reached", "Reached", K::Integer),
                ("conversion_to_next", "Conversion to next", K::Percent),
                ("open_count", "Open now", K::Integer),
                ("open_amount", "Open amount", K::Money),
            ],
        );
        let mut s = ReportTable::new(
            "summary",
            "Created, won, lost",
            &[
                ("manager", "Manager", K::Text),
                ("created", "Created", K::Integer),
                ("won", "Won", K::Integer),
                ("lost", "Lost", K::Integer),
                ("conversion_to_won", "Conversion to won", K::Percent),
            ],
        );
        for column in std::iter::once(&self.team).chain(&self.managers) {
            let name = column
                .manager
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_else(|| "Team".into());
            for (stage, step) in self.stages.iter().zip(&column.stages) {
                t.row(vec![
                    Cell::text(&name),
                    Cell::text(&stage.name),
                    Cell::Integer(step.reached),
                    Cell::percent(step.conversion_to_next),
                    Cell::Integer(step.open_count),
                    Cell::money(step.open_amount, &self.currency),
                ]);
            }
            s.row(vec![
                Cell::Text(name),
                Cell::Integer(column.created),
                Cell::Integer(column.won),
                Cell::Integer(column.lost),
                Cell::percent(column.conversion_to_won),
            ]);
        }
        vec![t, s]
    }
}
