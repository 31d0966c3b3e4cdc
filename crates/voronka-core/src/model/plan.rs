use super::{Meta, fields::*, product::currency, record};
use crate::types::Currency;
use crate::{Error, Id, Result};
use serde::{Deserialize, Serialize};

/// A monthly goal for one manager, or for the team when `user_id` is empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct PlanData {
    pub user_id: Option<Id>,
    /// "YYYY-MM".
    pub month: String,
    /// Minor units of `currency`.
    pub revenue_target: i64,
    pub currency: Currency,
    pub calls_target: i64,
    pub meetings_target: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Plan {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: PlanData,
}
record!(Plan, PlanData, "plan");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct PlanInput {
    pub user_id: Option<Id>,
    pub month: String,
    pub revenue_target: i64,
    pub currency: Option<String>,
    pub calls_target: Option<i64>,
    pub meetings_target: Option<i64>,
}

impl PlanInput {
    pub fn validate(&self) -> Result<PlanData> {
        let month = self.month.trim();
        if chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").is_err() || month.len() != 7 {
            return Err(Error::invalid(
                "month",
                format!("«{month}» is not a month like 2026-03"),
            ));
        }
        Ok(PlanData {
            user_id: self.user_id,
            month: month.to_string(),
            revenue_target: non_negative(Some(self.revenue_target), "revenue_target")?.unwrap_or(0),
            currency: currency(self.currency.as_deref())?,
            calls_target: non_negative(self.calls_target, "calls_target")?.unwrap_or(0),
            meetings_target: non_negative(self.meetings_target, "meetings_target")?.unwrap_or(0),
        })
    }
}

/// One person's (or, without `user_id`, the team's) targets for a month in the plans grid,
/// with the version it was read at: `None` for a plan not set yet.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct PlanCell {
    pub user_id: Option<Id>,
    /// "YYYY-MM".
    pub month: String,
    /// Minor units of the department's currency.
    pub revenue_target: i64,
    pub calls_target: i64,
    pub meetings_target: i64,
    pub version: Option<i64>,
}

impl PlanCell {
    pub fn input(&self, currency: &Currency) -> PlanInput {
        PlanInput {
            user_id: self.user_id,
            month: self.month.clone(),
            revenue_target: self.revenue_target,
            currency: Some(currency.as_str().to_string()),
            calls_target: Some(self.calls_target),
            meetings_target: Some(self.meetings_target),
        }
    }
}
