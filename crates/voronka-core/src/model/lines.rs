//! What a deal's lines add up to: one rule for a line's total and for the sum of a deal's or a
//! proposal's lines, VAT included, used by the store (a deal's amount that follows its items),
//! the proposal's documents and, through the store's answers, the screens.

use super::{DealItem, Product};
use crate::types::Currency;
use serde::{Deserialize, Serialize};

/// Quantity × unit price less the discount (in basis points, 1 % = 100), in minor units,
/// rounded half away from zero.
pub fn line_total(quantity: f64, unit_price: i64, discount_bp: i64) -> i64 {
    (quantity * unit_price as f64 * (10_000 - discount_bp) as f64 / 10_000.0).round() as i64
}

/// How VAT is shown on a proposal: its rate and whether the prices already hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Vat {
    /// The rate in basis points (20 % = 2 000).
    pub rate_bp: i64,
    /// Prices include the VAT (it is shown as a part of the total) rather than adding to it.
    pub included: bool,
}

/// The sums of a list of lines, in minor units of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LineTotals {
    /// Every line at its full price, before discounts.
    pub gross: i64,
    /// What the discounts take off.
    pub discount: i64,
    /// The lines' totals added up: what the deal's amount is when it follows its items.
    pub net: i64,
    /// The VAT in `net` (prices with VAT) or on top of it; `None` without VAT.
    pub vat: Option<i64>,
    /// What the client pays: `net`, plus the VAT when prices are without it.
    pub payable: i64,
    pub currency: Currency,
}

/// Adds up lines of (quantity, unit price, discount) in `currency`, with `vat` when it is set.
pub fn totals(lines: impl IntoIterator<Item = (f64, i64, i64)>, currency: Currency, vat: Option<Vat>) -> LineTotals {
    let (mut gross, mut net) = (0_i64, 0_i64);
    for (quantity, unit_price, discount_bp) in lines {
        gross += line_total(quantity, unit_price, 0);
        net += line_total(quantity, unit_price, discount_bp);
    }
    let vat_amount = vat.map(|v| {
        let rate = v.rate_bp as f64;
        if v.included {
            (net as f64 * rate / (10_000.0 + rate)).round() as i64
        } else {
            (net as f64 * rate / 10_000.0).round() as i64
        }
    });
    let payable = match (vat, vat_amount) {
        (Some(v), Some(amount)) if !v.included => net + amount,
        _ => net,
    };
    LineTotals {
        gross,
        discount: gross - net,
        net,
        vat: vat_amount,
        payable,
        currency,
    }
}

/// The totals of a deal's live items.
pub fn item_totals(items: &[DealItem], currency: Currency, vat: Option<Vat>) -> LineTotals {
    let lines = items
        .iter()
        .filter(|i| i.meta.deleted_at.is_none())
        .map(|i| (i.data.quantity, i.data.unit_price, i.data.discount_bp));
    totals(lines, currency, vat)
}

/// A quantity the stock does not cover: a warning, not a refusal. The product can still be
/// sold, and comes within its lead time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct StockShort {
    pub product: String,
    pub unit: String,
    pub quantity: f64,
    pub stock: f64,
    pub lead_time_days: i64,
}

/// Whether `quantity` of `product` is more than its stock.
pub fn stock_short(product: &Product, quantity: f64) -> Option<StockShort> {
    (quantity > product.data.stock).then(|| StockShort {
        product: product.data.name.to_string(),
        unit: product.data.unit.clone(),
        quantity,
        stock: product.data.stock,
        lead_time_days: product.data.lead_time_days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_add_up_with_discounts_and_vat() {
        assert_eq!(line_total(2.5, 40_000, 1_000), 90_000, "2.5 × 400 ₴ − 10 % = 900 ₴");
        let lines = [(2.5, 40_000, 1_000), (3.0, 10_000, 0)];
        let plain = totals(lines, Currency::uah(), None);
        assert_eq!(
            (plain.gross, plain.discount, plain.net, plain.vat, plain.payable),
            (130_000, 10_000, 120_000, None, 120_000)
        );
        let on_top = totals(
            lines,
            Currency::uah(),
            Some(Vat {
                rate_bp: 2_000,
                included: false,
            }),
        );
        assert_eq!((on_top.vat, on_top.payable), (Some(24_000), 144_000), "20 % added");
        let inside = totals(
            lines,
            Currency::uah(),
            Some(Vat {
                rate_bp: 2_000,
                included: true,
            }),
        );
        assert_eq!(
            (inside.vat, inside.payable),
            (Some(20_000), 120_000),
            "20 % inside 1 200 ₴ is 200 ₴"
        );
    }
}
