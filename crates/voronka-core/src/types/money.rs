use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// An ISO 4217 currency code: three upper-case Latin letters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "bindings", derive(specta::Type), specta(transparent))]
pub struct Currency(String);

impl Currency {
    pub fn parse(raw: &str) -> Result<Currency> {
        let code = raw.trim().to_ascii_uppercase();
        if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(Currency(code))
        } else {
            Err(Error::invalid(
                "currency",
                format!("«{}» is not a currency code like UAH", raw.trim()),
            ))
        }
    }

    pub fn uah() -> Currency {
        Currency("UAH".into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn symbol(&self) -> &str {
        match self.0.as_str() {
            "UAH" => "₴",
            "USD" => "$",
            "EUR" => "€",
            "PLN" => "zł",
            other => other,
        }
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency::uah()
    }
}

super::serde_via_parse!(Currency);

/// An amount of money: whole minor units (kopiyky, cents) and a currency. Never a float.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub fn uah(minor: i64) -> Money {
        Money::new(minor, Currency::uah())
    }

    /// Parses an amount a person typed: "120 000", "120000,50", "1 234.5". Negative amounts are
    /// refused: refunds are payments with their own status, not negative money.
    pub fn parse(raw: &str, currency: Currency, field: &str) -> Result<Money> {
        let fail = || Error::invalid(field, format!("«{}» is not an amount of money", raw.trim()));
        let compact: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\'')
            .collect();
        if compact.is_empty() || compact.starts_with('-') {
            return Err(fail());
        }
        let normal = compact.replace(',', ".");
        let (whole, frac) = normal.split_once('.').unwrap_or((&normal, ""));
        if whole.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || frac.len() > 2
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return Err(fail());
        }
        let whole: i64 = whole.parse().map_err(|_| fail())?;
        let frac: i64 = format!("{frac:0<2}").parse().map_err(|_| fail())?;
        let minor = whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(frac))
            .ok_or_else(fail)?;
        Ok(Money::new(minor, currency))
    }

    /// "120 000 ₴" or "1 234,50 ₴": grouped thousands, kopiyky only when present.
    pub fn display(&self) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let whole = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push('\u{a0}');
            }
            grouped.push(c);
        }
        let frac = abs % 100;
        let frac = if frac == 0 {
            String::new()
        } else {
            format!(",{frac:02}")
        };
        format!("{sign}{grouped}{frac}\u{a0}{}", self.currency.symbol())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_to_minor_units() {
        let uah = Currency::uah;
        assert_eq!(Money::parse("120 000", uah(), "amount").unwrap().minor, 12_000_000);
        assert_eq!(Money::parse("1234,5", uah(), "amount").unwrap().minor, 123_450);
        assert_eq!(Money::parse("0.07", uah(), "amount").unwrap().minor, 7);
        for bad in ["", "-5", "12,345", "abc", "1.2.3", "99999999999999999999"] {
            assert_eq!(
                Money::parse(bad, uah(), "amount").unwrap_err().field.as_deref(),
                Some("amount"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn money_displays_grouped_with_symbol() {
        assert_eq!(Money::uah(12_000_000).display(), "120\u{a0}000\u{a0}₴");
        assert_eq!(Money::uah(123_450).display(), "1\u{a0}234,50\u{a0}₴");
        assert!(Currency::parse("uah").is_ok() && Currency::parse("грн").is_err());
    }
}
