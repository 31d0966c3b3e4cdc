//! The proposal as data: what stands where, every text already formatted, every amount also
//! kept as a number for the workbook.

use crate::labels::{self, Labels};
use voronka_core::model::{ProposalFacts, ProposalParty};
use voronka_core::types::Currency;

/// A table cell: its text, and its value when it is a number the workbook should keep as one.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub value: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Whole units of the proposal's currency (minor units / 100).
    Money(f64),
    Quantity(f64),
    /// A share: 0.05 is 5 %.
    Percent(f64),
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: None,
        }
    }

    fn money(minor: i64, currency: &Currency) -> Cell {
        Cell {
            text: amount(minor, currency),
            value: Some(Value::Money(minor as f64 / 100.0)),
        }
    }
}

/// A block of lines under a heading (the client, the manager).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub heading: String,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The seller's name, then its requisites line by line.
    pub seller: Vec<String>,
    /// The logo's image bytes and whether they are a PNG (else a JPEG).
    pub logo: Option<(Vec<u8>, bool)>,
    /// "Комерційна пропозиція № 20260310-1 від 10.03.2026".
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// (label, amount), the last one the amount to pay.
    pub totals: Vec<(String, Cell)>,
    pub terms: Option<Block>,
    pub valid_until: String,
    pub currency: String,
    /// The sheet's name in the workbook.
    pub sheet: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub label: String,
    /// A share of the table's width.
    pub width: f32,
    pub right: bool,
}

impl Layout {
    pub fn of(facts: &ProposalFacts) -> Layout {
        let l = labels::of(facts.language);
        let currency = &facts.totals.currency;
        let mut seller = vec![facts.seller.name.clone()];
        seller.extend(paragraph_lines(facts.seller.detail.as_deref()));
        let mut blocks = Vec::new();
        if let Some(client) = &facts.client {
            blocks.push(party(l.client, client, &l));
        }
        if let Some(contact) = &facts.contact {
            blocks.push(party(l.contact, contact, &l));
        }
        blocks.push(party(l.manager, &facts.manager, &l));
        let columns = [
            (l.number, 0.05, false),
            (l.item, 0.33, false),
            (l.unit, 0.07, false),
            (l.quantity, 0.11, true),
            (l.price, 0.15, true),
            (l.discount, 0.11, true),
            (l.line_total, 0.18, true),
        ]
        .into_iter()
        .map(|(label, width, right)| Column {
            label: label.to_string(),
            width,
            right,
        })
        .collect();
        let rows = facts
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let name = match &line.sku {
                    Some(sku) => format!("{} ({} {sku})", line.name, l.sku),
                    None => line.name.clone(),
                };
                vec![
                    Cell::text((i + 1).to_string()),
                    Cell::text(name),
                    Cell::text(line.unit.clone()),
                    Cell {
                        text: quantity(line.quantity),
                        value: Some(Value::Quantity(line.quantity)),
                    },
                    Cell::money(line.unit_price, currency),
                    Cell {
                        text: percent(line.discount_bp),
                        value: Some(Value::Percent(line.discount_bp as f64 / 10_000.0)),
                    },
                    Cell::money(line.total, currency),
                ]
            })
            .collect();
        let t = &facts.totals;
        let mut totals = Vec::new();
        if t.discount > 0 {
            totals.push((l.gross.to_string(), Cell::money(t.gross, currency)));
            totals.push((l.discounts.to_string(), Cell::money(t.discount, currency)));
        }
        totals.push((l.total.to_string(), Cell::money(t.net, currency)));
        if let (Some(vat), Some(amount)) = (facts.vat, t.vat) {
            let label = if vat.included { l.vat_included } else { l.vat_added };
            totals.push((
                format!("{label} {}", percent(vat.rate_bp)),
                Cell::money(amount, currency),
            ));
            totals.push((l.payable.to_string(), Cell::money(t.payable, currency)));
        }
        Layout {
            seller,
            logo: facts.logo.as_deref().and_then(decode_logo),
            title: format!(
                "{} {} {} {} {}",
                l.title,
                l.number,
                facts.number,
                l.dated,
                date(facts.date)
            ),
            subtitle: format!("{}: {}", l.deal, facts.deal_title),
            blocks,
            columns,
            rows,
            totals,
            terms: facts.terms.as_ref().map(|text| Block {
                heading: l.terms.to_string(),
                lines: paragraph_lines(Some(text)),
            }),
            valid_until: format!("{} {}", l.valid_until, date(facts.valid_until)),
            currency: currency.as_str().to_string(),
            sheet: format!("{} {}", l.number, facts.number),
        }
    }
}

fn party(heading: &str, p: &ProposalParty, l: &Labels) -> Block {
    let mut lines = vec![p.name.clone()];
    lines.extend(p.detail.clone());
    lines.extend(p.address.clone());
    lines.extend(p.phone.as_ref().map(|v| format!("{} {v}", l.phone)));
    lines.extend(p.email.as_ref().map(|v| format!("{} {v}", l.email)));
    Block {
        heading: heading.to_string(),
        lines,
    }
}

fn paragraph_lines(text: Option<&str>) -> Vec<String> {
    text.map(|t| t.lines().map(str::trim_end).map(String::from).collect())
        .unwrap_or_default()
}

fn decode_logo(data_url: &str) -> Option<(Vec<u8>, bool)> {
    use base64::Engine;
    let (head, body) = data_url.split_once(',')?;
    let bytes = base64::engine::general_purpose::STANDARD.decode(body).ok()?;
    Some((bytes, head.contains("image/png")))
}

/// "1 234,50 ₴": grouped by plain spaces (they survive any text extraction) and always with
/// the kopiyky, as a price list shows them.
pub fn amount(minor: i64, currency: &Currency) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{},{:02} {}", grouped(abs / 100), abs % 100, currency.symbol())
}

fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A quantity without trailing zeros: "10", "2,5", "0,125".
pub fn quantity(q: f64) -> String {
    let text = format!("{:.3}", q);
    text.trim_end_matches('0').trim_end_matches('.').replace('.', ",")
}

fn percent(bp: i64) -> String {
    let text = format!("{:.2}", bp as f64 / 100.0);
    format!(
        "{} %",
        text.trim_end_matches('0').trim_end_matches('.').replace('.', ",")
    )
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(amount(123_456_789, &Currency::uah()), "1 234 567,89 ₴");
        assert_eq!(amount(5, &Currency::uah()), "0,05 ₴");
        assert_eq!((quantity(10.0), quantity(2.5)), ("10".to_string(), "2,5".to_string()));
        assert_eq!(
            (percent(500), percent(1_250), percent(0)),
            ("5 %".into(), "12,5 %".into(), "0 %".into())
        );
    }
}
