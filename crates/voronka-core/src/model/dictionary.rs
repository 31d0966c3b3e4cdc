use super::{Meta, fields::flag, record};
use crate::Result;
use crate::types::ShortText;
use serde::{Deserialize, Serialize};

/// A reason a deal was lost ("price", "chose a competitor", ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossReasonData {
    pub name: ShortText,
    pub position: i64,
    #[serde(with = "flag")]
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LossReason {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: LossReasonData,
}
record!(LossReason, LossReasonData, "loss_reason");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct LossReasonInput {
    pub name: String,
    pub position: Option<i64>,
    pub active: Option<bool>,
}

impl LossReasonInput {
    pub fn validate(&self) -> Result<LossReasonData> {
        Ok(LossReasonData {
            name: ShortText::parse(&self.name)?,
            position: self.position.unwrap_or(0),
            active: self.active.unwrap_or(true),
        })
    }
}
