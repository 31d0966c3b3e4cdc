use super::{Meta, StageKind, fields::*, opt_code, record};
use crate::types::{Currency, DealTitle};
use crate::{Error, Id, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Deal fields a stage can require before a deal may enter it (rule 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DealField {
    Company,
    Contact,
    Amount,
    PlannedPaymentDate,
    ExpectedCloseDate,
    SalesChannel,
    CommunicationChannel,
    LeadSource,
    Qualification,
    Items,
    /// A commercial proposal made from the deal and kept with it.
    Proposal,
}

impl DealField {
    /// Every field a stage may require, in the order the settings list them.
    pub const ALL: [DealField; 10] = [
        DealField::Company,
        DealField::Contact,
        DealField::Amount,
        DealField::PlannedPaymentDate,
        DealField::ExpectedCloseDate,
        DealField::SalesChannel,
        DealField::CommunicationChannel,
        DealField::LeadSource,
        DealField::Qualification,
        DealField::Items,
    ];

    /// The field's name as the form and errors know it.
    pub fn as_str(self) -> &'static str {
        match self {
            DealField::Company => "company_id",
            DealField::Contact => "contact_ids",
            DealField::Amount => "amount",
            DealField::PlannedPaymentDate => "planned_payment_date",
            DealField::ExpectedCloseDate => "expected_close_date",
            DealField::SalesChannel => "sales_channel",
            DealField::CommunicationChannel => "communication_channel",
            DealField::LeadSource => "lead_source",
            DealField::Qualification => "qualification",
            DealField::Items => "items",
            DealField::Proposal => "proposal",
        }
    }
}

/// One qualification criterion of the checklist ("budget confirmed", "decision maker known").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Criterion {
    pub name: String,
    pub met: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DealData {
    pub title: DealTitle,
    pub company_id: Option<Id>,
    pub contact_ids: Vec<Id>,
    pub owner_id: Id,
    pub pipeline_id: Id,
    /// Minor units of `currency`.
    pub amount: i64,
    pub currency: Currency,
    /// The deal's own win probability in percent; `None` takes the stage's.
    pub win_probability: Option<i64>,
    pub planned_payment_date: Option<NaiveDate>,
    pub expected_close_date: Option<NaiveDate>,
    pub sales_channel: Option<String>,
    pub communication_channel: Option<String>,
    pub lead_source: Option<String>,
    pub qualification: Vec<Criterion>,
    pub loss_comment: Option<String>,
}

/// Where a deal stands: changed only by moving it between stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DealStatus {
    Open,
    Won,
    Lost,
}

impl DealStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DealStatus::Open => "open",
            DealStatus::Won => "won",
            DealStatus::Lost => "lost",
        }
    }
}

impl From<StageKind> for DealStatus {
    fn from(kind: StageKind) -> Self {
        match kind {
            StageKind::Open => DealStatus::Open,
            StageKind::Won => DealStatus::Won,
            StageKind::Lost => DealStatus::Lost,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Deal {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: DealData,
    pub stage_id: Id,
    pub status: DealStatus,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub stage_entered_at: DateTime<Utc>,
    pub loss_reason_id: Option<Id>,
    #[serde(with = "chrono::serde::ts_milliseconds_option", default)]
    #[cfg_attr(feature = "bindings", specta(type = Option<i64>))]
    pub closed_at: Option<DateTime<Utc>>,
    /// The amount is the sum of the deal's live items, kept so by the store with every change
    /// of an item (a per-deal choice, off for a new deal).
    #[serde(with = "flag", default)]
    pub amount_from_items: bool,
    /// Open and without an open task (rule 2: flagged wherever the deal is shown). The store
    /// computes it whenever it reads a deal and never keeps it, so every board, table and card
    /// flags the same deals whoever looks.
    #[serde(with = "flag", default)]
    pub without_task: bool,
}
record!(Deal, DealData, "deal");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DealInput {
    /// Left blank, the department's title template makes it (see [`super::deal_title`]).
    #[serde(default)]
    pub title: String,
    /// What the deal sells, for the template's `{product}`; not kept on the deal.
    #[serde(default)]
    pub product: Option<String>,
    pub company_id: Option<Id>,
    #[serde(default)]
    pub contact_ids: Vec<Id>,
    pub owner_id: Option<Id>,
    pub pipeline_id: Id,
    /// Typed amount ("120 000,50"); blank is zero.
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub win_probability: Option<i64>,
    pub planned_payment_date: Option<String>,
    pub expected_close_date: Option<String>,
    pub sales_channel: Option<String>,
    pub communication_channel: Option<String>,
    pub lead_source: Option<String>,
    #[serde(default)]
    pub qualification: Vec<Criterion>,
    pub loss_comment: Option<String>,
}

impl DealInput {
    /// A deal with only its title in `pipeline_id`, the rest as a blank form leaves it.
    pub fn titled(title: &str, pipeline_id: Id) -> DealInput {
        DealInput {
            title: title.into(),
            product: None,
            company_id: None,
            contact_ids: vec![],
            owner_id: None,
            pipeline_id,
            amount: None,
            currency: None,
            win_probability: None,
            planned_payment_date: None,
            expected_close_date: None,
            sales_channel: None,
            communication_channel: None,
            lead_source: None,
            qualification: vec![],
            loss_comment: None,
        }
    }

    pub fn validate(&self, default_owner: Id) -> Result<DealData> {
        let currency = match self.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) => Currency::parse(c)?,
            None => Currency::uah(),
        };
        let amount = match self.amount.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => crate::types::Money::parse(a, currency.clone(), "amount")?.minor,
            None => 0,
        };
        let mut contact_ids = self.contact_ids.clone();
        contact_ids.dedup();
        let qualification = self
            .qualification
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let name = opt_text(Some(&c.name), &format!("qualification[{i}]"), 200)?
                    .ok_or_else(|| Error::invalid(format!("qualification[{i}]"), "a criterion needs a name"))?;
                Ok(Criterion { name, met: c.met })
            })
            .collect::<Result<_>>()?;
        Ok(DealData {
            title: DealTitle::parse(&self.title)?,
            company_id: self.company_id,
            contact_ids,
            owner_id: self.owner_id.unwrap_or(default_owner),
            pipeline_id: self.pipeline_id,
            amount,
            currency,
            win_probability: self
                .win_probability
                .map(|p| percent(p, "win_probability"))
                .transpose()?,
            planned_payment_date: opt_date(self.planned_payment_date.as_deref(), "planned_payment_date")?,
            expected_close_date: opt_date(self.expected_close_date.as_deref(), "expected_close_date")?,
            sales_channel: opt_code(self.sales_channel.as_deref(), "sales_channel")?,
            communication_channel: opt_code(self.communication_channel.as_deref(), "communication_channel")?,
            lead_source: opt_code(self.lead_source.as_deref(), "lead_source")?,
            qualification,
            loss_comment: opt_text(self.loss_comment.as_deref(), "loss_comment", 5_000)?,
        })
    }
}

/// What a deal needs to enter a stage, given the facts only the store knows (its item count).
#[derive(Debug)]
pub struct DealFacts<'a> {
    pub data: &'a DealData,
    pub item_count: i64,
    /// Commercial proposals kept with the deal.
    pub proposal_count: i64,
}

impl DealFacts<'_> {
    pub fn has(&self, field: DealField) -> bool {
        let d = self.data;
        match field {
            DealField::Company => d.company_id.is_some(),
            DealField::Contact => !d.contact_ids.is_empty(),
            DealField::Amount => d.amount > 0,
            DealField::PlannedPaymentDate => d.planned_payment_date.is_some(),
            DealField::ExpectedCloseDate => d.expected_close_date.is_some(),
            DealField::SalesChannel => d.sales_channel.is_some(),
            DealField::CommunicationChannel => d.communication_channel.is_some(),
            DealField::LeadSource => d.lead_source.is_some(),
            DealField::Qualification => !d.qualification.is_empty() && d.qualification.iter().all(|c| c.met),
            DealField::Items => self.item_count > 0,
            DealField::Proposal => self.proposal_count > 0,
        }
    }
}
