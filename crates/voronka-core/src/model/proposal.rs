//! Commercial proposals (КП): the department's template, set once by the admin, and the facts
//! a proposal is made of, gathered by the store from a deal and laid out by `voronka-proposal`.

use super::{Language, LineTotals, Meta, Vat, fields::*, record};
use crate::types::ShortText;
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The logo is kept in the template as a data URL: small enough for a row, and shown by the
/// form as it is.
const LOGO_PREFIXES: [&str; 2] = ["data:image/png;base64,", "data:image/jpeg;base64,"];
/// About 512 KiB of image.
pub const LOGO_MAX_CHARS: usize = 700_000;

/// The department's proposal template: who sells, on what terms, with or without VAT.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ProposalTemplateData {
    /// The selling company's name as it heads every proposal.
    pub company_name: ShortText,
    /// Legal id, address, bank account, phone: printed under the name as written.
    pub requisites: Option<String>,
    /// A PNG or JPEG image as a data URL.
    pub logo: Option<String>,
    /// Payment, delivery and warranty terms.
    pub terms: Option<String>,
    /// How many days a proposal stays valid.
    pub validity_days: i64,
    /// The VAT rate in basis points (20 % = 2 000); `None` when the seller shows no VAT.
    pub vat_rate_bp: Option<i64>,
    /// Prices include the VAT rather than adding to it.
    #[serde(with = "flag")]
    pub prices_include_vat: bool,
}

impl ProposalTemplateData {
    pub fn vat(&self) -> Option<Vat> {
        self.vat_rate_bp.map(|rate_bp| Vat {
            rate_bp,
            included: self.prices_include_vat,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ProposalTemplate {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: ProposalTemplateData,
}
record!(ProposalTemplate, ProposalTemplateData, "proposal_template");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct ProposalTemplateInput {
    pub company_name: String,
    pub requisites: Option<String>,
    pub logo: Option<String>,
    pub terms: Option<String>,
    pub validity_days: Option<i64>,
    pub vat_rate_bp: Option<i64>,
    pub prices_include_vat: bool,
}

impl ProposalTemplateInput {
    pub fn validate(&self) -> Result<ProposalTemplateData> {
        let logo = opt_text(self.logo.as_deref(), "logo", LOGO_MAX_CHARS)?;
        if let Some(logo) = &logo
            && !LOGO_PREFIXES.iter().any(|p| logo.starts_with(p))
        {
            return Err(Error::invalid("logo", "the logo must be a PNG or JPEG image"));
        }
        let validity_days = self.validity_days.unwrap_or(14);
        if !(1..=365).contains(&validity_days) {
            return Err(Error::invalid("validity_days", "a proposal is valid for 1 to 365 days"));
        }
        if let Some(rate) = self.vat_rate_bp
            && !(0..=10_000).contains(&rate)
        {
            return Err(Error::invalid(
                "vat_rate_bp",
                "the VAT rate must be between 0 and 100 %",
            ));
        }
        Ok(ProposalTemplateData {
            company_name: ShortText::parse(&self.company_name).map_err(|e| e.on("company_name"))?,
            requisites: opt_text(self.requisites.as_deref(), "requisites", 2_000)?,
            logo,
            terms: opt_text(self.terms.as_deref(), "terms", 5_000)?,
            validity_days,
            vat_rate_bp: self.vat_rate_bp,
            prices_include_vat: self.vat_rate_bp.is_some() && self.prices_include_vat,
        })
    }
}

/// Who a proposal is addressed to, or who makes it: a name and how to reach them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProposalParty {
    pub name: String,
    /// A legal id, a position: what follows the name.
    pub detail: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// One line of a proposal, as the catalog names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalLine {
    pub name: String,
    pub sku: Option<String>,
    pub unit: String,
    pub quantity: f64,
    /// Minor units per unit.
    pub unit_price: i64,
    pub discount_bp: i64,
    /// Minor units.
    pub total: i64,
}

/// Everything a proposal shows, gathered from a deal in one transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalFacts {
    /// "20260310-1": the day and the deal's proposal count.
    pub number: String,
    pub date: NaiveDate,
    pub valid_until: NaiveDate,
    pub deal_title: String,
    pub seller: ProposalParty,
    pub logo: Option<String>,
    pub terms: Option<String>,
    pub client: Option<ProposalParty>,
    pub contact: Option<ProposalParty>,
    pub manager: ProposalParty,
    pub lines: Vec<ProposalLine>,
    pub totals: LineTotals,
    pub vat: Option<Vat>,
    /// The language of the labels: the maker's.
    pub language: Language,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_names_its_bad_field() {
        let good = ProposalTemplateInput {
            company_name: "ТОВ Покрівля".into(),
            vat_rate_bp: Some(2_000),
            prices_include_vat: true,
            ..Default::default()
        };
        let data = good.validate().unwrap();
        assert_eq!(
            (data.validity_days, data.vat()),
            (
                14,
                Some(Vat {
                    rate_bp: 2_000,
                    included: true
                })
            )
        );
        let cases = [
            (
                ProposalTemplateInput {
                    company_name: " ".into(),
                    ..good.clone()
                },
                "company_name",
            ),
            (
                ProposalTemplateInput {
                    validity_days: Some(0),
                    ..good.clone()
                },
                "validity_days",
            ),
            (
                ProposalTemplateInput {
                    vat_rate_bp: Some(10_001),
                    ..good.clone()
                },
                "vat_rate_bp",
            ),
            (
                ProposalTemplateInput {
                    logo: Some("data:text/html;base64,PGI+".into()),
                    ..good.clone()
                },
                "logo",
            ),
        ];
        for (input, field) in cases {
            assert_eq!(input.validate().unwrap_err().field.as_deref(), Some(field));
        }
    }
}
