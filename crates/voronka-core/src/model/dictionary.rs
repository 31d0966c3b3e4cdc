use super::{Meta, fields::*, record};
use crate::types::ShortText;
use crate::{Id, Result};
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

/// A file attached to a deal, kept by its path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DocumentData {
    pub deal_id: Id,
    pub name: ShortText,
    pub path: String,
    pub size_bytes: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Document {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: DocumentData,
}
record!(Document, DocumentData, "document");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DocumentInput {
    pub deal_id: Id,
    pub name: Option<String>,
    pub path: String,
    pub size_bytes: Option<i64>,
}

impl DocumentInput {
    pub fn validate(&self) -> Result<DocumentData> {
        let path = opt_text(Some(&self.path), "path", 4_000)?
            .ok_or_else(|| crate::Error::invalid("path", "a document needs a file"))?;
        let file_name = path.rsplit(['/', '\\']).next().unwrap_or(&path).to_string();
        Ok(DocumentData {
            deal_id: self.deal_id,
            name: ShortText::parse(
                self.name
                    .as_deref()
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or(&file_name),
            )?,
            path,
            size_bytes: non_negative(self.size_bytes, "size_bytes")?,
        })
    }
}
