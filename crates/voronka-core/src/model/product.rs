use super::{DealData, Meta, fields::*, record};
use crate::types::{Currency, ShortText};
use crate::{Error, Id, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ProductData {
    pub name: ShortText,
    pub sku: Option<String>,
    pub unit: String,
    /// Minor units of `currency` per unit.
    pub price: i64,
    pub currency: Currency,
    pub stock: f64,
    pub lead_time_days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Product {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: ProductData,
}
record!(Product, ProductData, "product");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct ProductInput {
    pub name: String,
    pub sku: Option<String>,
    pub unit: Option<String>,
    pub price: i64,
    pub currency: Option<String>,
    pub stock: Option<f64>,
    pub lead_time_days: Option<i64>,
}

impl ProductInput {
    pub fn validate(&self) -> Result<ProductData> {
        Ok(ProductData {
            name: ShortText::parse(&self.name)?,
            sku: opt_text(self.sku.as_deref(), "sku", 60)?,
            unit: opt_text(self.unit.as_deref(), "unit", 20)?.unwrap_or_else(|| "шт".into()),
            price: non_negative(Some(self.price), "price")?.unwrap_or(0),
            currency: currency(self.currency.as_deref())?,
            stock: quantity(self.stock.unwrap_or(0.0), "stock")?,
            lead_time_days: non_negative(self.lead_time_days, "lead_time_days")?.unwrap_or(0),
        })
    }
}

pub(crate) fn currency(raw: Option<&str>) -> Result<Currency> {
    match raw.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Currency::parse(c),
        None => Ok(Currency::uah()),
    }
}

fn quantity(value: f64, field: &str) -> Result<f64> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(Error::invalid(
            field,
            format!("the {field} must be a number not below zero"),
        ))
    }
}

/// A line of a deal: a product (or free text), quantity, unit price and discount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DealItemData {
    pub deal_id: Id,
    pub product_id: Option<Id>,
    pub name: ShortText,
    pub quantity: f64,
    /// Minor units per unit.
    pub unit_price: i64,
    pub currency: Currency,
    /// Discount in basis points (1 % = 100), 0..=10 000.
    pub discount_bp: i64,
}

impl DealItemData {
    /// The line total in minor units (see [`super::line_total`]).
    pub fn total(&self) -> i64 {
        super::line_total(self.quantity, self.unit_price, self.discount_bp)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DealItem {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: DealItemData,
}
record!(DealItem, DealItemData, "deal_item");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DealItemInput {
    pub deal_id: Id,
    pub product_id: Option<Id>,
    /// Defaults to the product's name.
    pub name: Option<String>,
    pub quantity: f64,
    /// Defaults to the product's price.
    pub unit_price: Option<i64>,
    pub currency: Option<String>,
    pub discount_bp: Option<i64>,
}

impl DealItemInput {
    /// Validates the line for `deal`; `product` fills the name and price a person left out.
    /// A line is in its deal's currency, so the deal's amount can be the sum of its lines.
    pub fn validate(&self, deal: &DealData, product: Option<&Product>) -> Result<DealItemData> {
        let name = match (self.name.as_deref().map(str::trim).filter(|n| !n.is_empty()), product) {
            (Some(n), _) => ShortText::parse(n).map_err(|e| e.on("name"))?,
            (None, Some(p)) => p.data.name.clone(),
            (None, None) => return Err(Error::invalid("name", "an item needs a product or a name")),
        };
        if !(self.quantity.is_finite() && self.quantity > 0.0) {
            return Err(Error::invalid("quantity", "the quantity must be above zero"));
        }
        let discount_bp = self.discount_bp.unwrap_or(0);
        if !(0..=10_000).contains(&discount_bp) {
            return Err(Error::invalid(
                "discount_bp",
                "the discount must be between 0 and 100 %",
            ));
        }
        let unit_price = self.unit_price.or(product.map(|p| p.data.price)).unwrap_or(0);
        let currency = match self.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) => Currency::parse(c)?,
            None => deal.currency.clone(),
        };
        if currency != deal.currency {
            return Err(Error::invalid(
                "currency",
                format!("the deal is in {}: its items are too", deal.currency.as_str()),
            ));
        }
        Ok(DealItemData {
            deal_id: self.deal_id,
            product_id: self.product_id,
            name,
            quantity: self.quantity,
            unit_price: non_negative(Some(unit_price), "unit_price")?.unwrap_or(0),
            currency,
            discount_bp,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_totals_apply_quantity_and_discount() {
        let line = DealItemData {
            deal_id: Id(uuid::Uuid::nil()),
            product_id: None,
            name: ShortText::parse("Профнастил").unwrap(),
            quantity: 2.5,
            unit_price: 40_000,
            currency: Currency::uah(),
            discount_bp: 1_000,
        };
        assert_eq!(line.total(), 90_000, "2.5 × 400 ₴ − 10 % = 900 ₴");
    }
}
