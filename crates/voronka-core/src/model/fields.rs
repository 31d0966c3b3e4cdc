//! Parsing helpers shared by the `…Input` validators: optional text, dates, ids, flags.

use crate::types::{Email, Phone};
use crate::{Error, Id, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

/// Trimmed text, `None` when blank; refused beyond `max` characters.
pub fn opt_text(raw: Option<&str>, field: &str, max: usize) -> Result<Option<String>> {
    let Some(value) = raw.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("the {field} is longer than {max} characters"),
        ));
    }
    Ok(Some(value.to_string()))
}

/// A phone on a named field ("work_phone"), `None` when blank.
pub fn opt_phone(raw: Option<&str>, field: &str) -> Result<Option<Phone>> {
    match raw.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => Phone::parse(v).map(Some).map_err(|e| e.on(field)),
        None => Ok(None),
    }
}

pub fn opt_email(raw: Option<&str>, field: &str) -> Result<Option<Email>> {
    match raw.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => Email::parse(v).map(Some).map_err(|e| e.on(field)),
        None => Ok(None),
    }
}

/// Every entry of a list, with the failing entry's position in the field name ("phones[1]").
pub fn list<T>(raw: &[String], field: &str, parse: impl Fn(&str) -> Result<T>) -> Result<Vec<T>> {
    raw.iter()
        .filter(|v| !v.trim().is_empty())
        .enumerate()
        .map(|(i, v)| parse(v).map_err(|e| e.on(format!("{field}[{i}]"))))
        .collect()
}

/// A non-negative integer such as an amount in minor units or a head count.
pub fn non_negative(value: Option<i64>, field: &str) -> Result<Option<i64>> {
    match value {
        Some(v) if v < 0 => Err(Error::invalid(field, format!("the {field} cannot be negative"))),
        other => Ok(other),
    }
}

pub fn percent(value: i64, field: &str) -> Result<i64> {
    if (0..=100).contains(&value) {
        Ok(value)
    } else {
        Err(Error::invalid(
            field,
            format!("the {field} must be between 0 and 100 %"),
        ))
    }
}

pub fn date(raw: &str, field: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("«{}» is not a date like 2026-03-31", raw.trim())))
}

pub fn opt_date(raw: Option<&str>, field: &str) -> Result<Option<NaiveDate>> {
    match raw.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => date(v, field).map(Some),
        None => Ok(None),
    }
}

/// A booked date such as a birthday or a company's anniversary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ImportantDate {
    pub label: String,
    pub date: NaiveDate,
}

pub fn important_dates(raw: &[ImportantDate]) -> Result<Vec<ImportantDate>> {
    raw.iter()
        .enumerate()
        .map(|(i, d)| {
            let label = opt_text(Some(&d.label), "label", 100)?
                .ok_or_else(|| Error::invalid(format!("important_dates[{i}]"), "an important date needs a label"))?;
            Ok(ImportantDate { label, date: d.date })
        })
        .collect()
}

/// Tags: trimmed, lower-cased, unique, in the order given.
pub fn tags(raw: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in raw {
        let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if tag.chars().count() > 50 {
            return Err(Error::invalid(
                "tags",
                format!("the tag «{tag}» is longer than 50 characters"),
            ));
        }
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    Ok(out)
}

pub fn id(raw: &str, field: &str) -> Result<Id> {
    raw.parse().map_err(|e: Error| e.on(field))
}

/// Databases keep flags as 0/1; JSON from the UI sends true/false. Both read as a bool.
pub mod flag {
    use super::*;

    pub fn serialize<S: serde::Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(*v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Flag {
            Bool(bool),
            Int(i64),
        }
        Ok(match Flag::deserialize(d)? {
            Flag::Bool(b) => b,
            Flag::Int(i) => i != 0,
        })
    }
}
