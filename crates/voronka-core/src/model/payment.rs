use super::{Meta, fields::*, product::currency, record};
use crate::types::{Currency, Money};
use crate::{Error, Id, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Planned,
    Paid,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct PaymentData {
    pub deal_id: Id,
    /// Minor units of `currency`.
    pub amount: i64,
    pub currency: Currency,
    pub planned_date: NaiveDate,
    pub invoice_number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Payment {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: PaymentData,
    pub status: PaymentStatus,
    #[serde(with = "chrono::serde::ts_milliseconds_option", default)]
    #[cfg_attr(feature = "bindings", specta(type = Option<i64>))]
    pub paid_at: Option<DateTime<Utc>>,
}
record!(Payment, PaymentData, "payment");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct PaymentInput {
    pub deal_id: Id,
    pub amount: String,
    pub currency: Option<String>,
    pub planned_date: String,
    pub invoice_number: Option<String>,
}

impl PaymentInput {
    pub fn validate(&self) -> Result<PaymentData> {
        let currency = currency(self.currency.as_deref())?;
        let amount = Money::parse(&self.amount, currency.clone(), "amount")?.minor;
        if amount == 0 {
            return Err(Error::invalid("amount", "a payment needs an amount above zero"));
        }
        Ok(PaymentData {
            deal_id: self.deal_id,
            amount,
            currency,
            planned_date: date(&self.planned_date, "planned_date")?,
            invoice_number: opt_text(self.invoice_number.as_deref(), "invoice_number", 60)?,
        })
    }
}
