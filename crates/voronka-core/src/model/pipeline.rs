use super::{DealField, Meta, fields::*, record};
use crate::types::ShortText;
use crate::{Error, Id, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct PipelineData {
    pub name: ShortText,
    pub position: i64,
    #[serde(with = "flag")]
    pub is_default: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Pipeline {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: PipelineData,
    /// An archived pipeline takes no new deals or moves; its deals and history stay, shown on
    /// their records and in reports. Changed only by archiving.
    #[serde(with = "flag", default)]
    pub archived: bool,
}
record!(Pipeline, PipelineData, "pipeline");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct PipelineInput {
    pub name: String,
    pub position: Option<i64>,
    pub is_default: Option<bool>,
}

impl PipelineInput {
    pub fn validate(&self) -> Result<PipelineData> {
        Ok(PipelineData {
            name: ShortText::parse(&self.name)?,
            position: self.position.unwrap_or(0),
            is_default: self.is_default.unwrap_or(false),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    Open,
    Won,
    Lost,
}

impl StageKind {
    pub const ALL: [StageKind; 3] = [StageKind::Open, StageKind::Won, StageKind::Lost];

    pub fn as_str(self) -> &'static str {
        match self {
            StageKind::Open => "open",
            StageKind::Won => "won",
            StageKind::Lost => "lost",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct StageData {
    pub pipeline_id: Id,
    pub name: ShortText,
    pub position: i64,
    pub kind: StageKind,
    /// Default win probability of deals in this stage, in percent.
    pub win_probability: i64,
    /// Fields a deal must have filled before it may enter this stage (rule 4).
    pub required_fields: Vec<DealField>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Stage {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: StageData,
    /// An archived stage takes no deals; archiving moves the deals it holds to another stage.
    /// Its history stays, shown on old records and in reports.
    #[serde(with = "flag", default)]
    pub archived: bool,
}
record!(Stage, StageData, "stage");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct StageInput {
    pub pipeline_id: Id,
    pub name: String,
    pub position: i64,
    pub kind: StageKind,
    pub win_probability: Option<i64>,
    #[serde(default)]
    pub required_fields: Vec<DealField>,
}

impl StageInput {
    pub fn validate(&self) -> Result<StageData> {
        let default_probability = match self.kind {
            StageKind::Open => 10,
            StageKind::Won => 100,
            StageKind::Lost => 0,
        };
        let win_probability = percent(self.win_probability.unwrap_or(default_probability), "win_probability")?;
        if self.kind == StageKind::Won && win_probability != 100 || self.kind == StageKind::Lost && win_probability != 0
        {
            return Err(Error::invalid(
                "win_probability",
                "a won stage has 100 % and a lost stage 0 %",
            ));
        }
        let mut required_fields = self.required_fields.clone();
        required_fields.dedup();
        Ok(StageData {
            pipeline_id: self.pipeline_id,
            name: ShortText::parse(&self.name)?,
            position: self.position,
            kind: self.kind,
            win_probability,
            required_fields,
        })
    }
}

/// The default pipeline of DOMAIN.md, in order: (name, kind, probability, required fields).
pub fn default_stages() -> Vec<(&'static str, StageKind, i64, Vec<DealField>)> {
    use DealField::*;
    vec![
        ("Новий лід", StageKind::Open, 5, vec![]),
        ("Кваліфікація", StageKind::Open, 10, vec![Company, Contact]),
        ("КП надіслано", StageKind::Open, 25, vec![Company, Contact, Amount]),
        ("Зустріч", StageKind::Open, 40, vec![Company, Contact, Amount]),
        (
            "Договір",
            StageKind::Open,
            60,
            vec![Company, Contact, Amount, ExpectedCloseDate],
        ),
        (
            "Поставка",
            StageKind::Open,
            80,
            vec![Company, Contact, Amount, PlannedPaymentDate, Items],
        ),
        (
            "Закривні документи",
            StageKind::Open,
            90,
            vec![Company, Contact, Amount, PlannedPaymentDate, Items],
        ),
        ("Успішно", StageKind::Won, 100, vec![Company, Contact, Amount, Items]),
        ("Програно", StageKind::Lost, 0, vec![]),
    ]
}
