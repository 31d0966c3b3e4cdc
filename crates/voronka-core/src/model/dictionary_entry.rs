//! The department's own dictionaries (DOMAIN.md "Setting up a department"): lead sources, sales
//! and communication channels, industries, call outcomes. A record keeps an entry's `code`,
//! which never changes, so renaming an entry renames it on every record at once; a deactivated
//! entry stays on the records that have it and is refused for new use.

use super::{Meta, fields::*, record};
use crate::types::ShortText;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// Which dictionary an entry belongs to. Loss reasons are a dictionary too, kept in a table of
/// their own since deals name them by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DictionaryKind {
    LeadSource,
    SalesChannel,
    CommunicationChannel,
    Industry,
    CallOutcome,
}

impl DictionaryKind {
    pub const ALL: [DictionaryKind; 5] = [
        DictionaryKind::LeadSource,
        DictionaryKind::SalesChannel,
        DictionaryKind::CommunicationChannel,
        DictionaryKind::Industry,
        DictionaryKind::CallOutcome,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DictionaryKind::LeadSource => "lead_source",
            DictionaryKind::SalesChannel => "sales_channel",
            DictionaryKind::CommunicationChannel => "communication_channel",
            DictionaryKind::Industry => "industry",
            DictionaryKind::CallOutcome => "call_outcome",
        }
    }

    /// What a refusal calls one of its entries.
    fn noun(self) -> &'static str {
        match self {
            DictionaryKind::LeadSource => "lead source",
            DictionaryKind::SalesChannel => "sales channel",
            DictionaryKind::CommunicationChannel => "communication channel",
            DictionaryKind::Industry => "industry",
            DictionaryKind::CallOutcome => "call outcome",
        }
    }
}

/// What the admin edits of an entry: its name, place and whether it is still offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DictionaryEntryData {
    pub name: ShortText,
    pub position: i64,
    #[serde(with = "flag")]
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DictionaryEntry {
    #[serde(flatten)]
    pub meta: Meta,
    pub dictionary: DictionaryKind,
    /// What records store: the defaults' own codes ("site", "phone"), a new entry's id.
    pub code: String,
    #[serde(flatten)]
    pub data: DictionaryEntryData,
}
record!(DictionaryEntry, DictionaryEntryData, "dictionary_entry");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct DictionaryEntryInput {
    pub name: String,
    /// Where the entry goes; the end of the list when left out.
    pub position: Option<i64>,
    pub active: Option<bool>,
}

impl DictionaryEntryInput {
    /// `last` is the position after the dictionary's last entry.
    pub fn validate(&self, last: i64) -> Result<DictionaryEntryData> {
        Ok(DictionaryEntryData {
            name: ShortText::parse(&self.name)?,
            position: non_negative(self.position, "position")?.unwrap_or(last),
            active: self.active.unwrap_or(true),
        })
    }
}

/// A code a record names, trimmed; `None` when blank. Whether the dictionary has it is the
/// store's to check ([`check_dictionary_value`]).
pub fn opt_code(raw: Option<&str>, field: &str) -> Result<Option<String>> {
    opt_text(raw, field, 100)
}

/// Rule of use for a dictionary value on a record: the value the record has now (`current`)
/// may stay whatever it is — an entry deactivated since, or an industry typed before industries
/// were a dictionary; a new value must be an active entry. `entry` is the dictionary's entry
/// with that code, if any.
pub fn check_dictionary_value(
    kind: DictionaryKind,
    field: &str,
    value: Option<&str>,
    current: Option<&str>,
    entry: Option<&DictionaryEntry>,
) -> Result<()> {
    let Some(value) = value else { return Ok(()) };
    if current == Some(value) {
        return Ok(());
    }
    match entry {
        Some(e) if e.data.active && e.meta.deleted_at.is_none() => Ok(()),
        Some(e) => Err(Error::invalid(
            field,
            format!("«{}» is no longer offered as a {}", e.data.name, kind.noun()),
        )),
        None => Err(Error::invalid(
            field,
            format!("«{value}» is not a {} of this department", kind.noun()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Id;
    use chrono::{TimeZone, Utc};

    fn entry(active: bool) -> DictionaryEntry {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
        DictionaryEntry {
            meta: Meta::new(Id(uuid::Uuid::nil()), now),
            dictionary: DictionaryKind::LeadSource,
            code: "site".into(),
            data: DictionaryEntryData {
                name: ShortText::parse("Сайт").unwrap(),
                position: 0,
                active,
            },
        }
    }

    #[test]
    fn a_new_value_must_be_an_active_entry_and_an_old_one_may_stay() {
        let kind = DictionaryKind::LeadSource;
        let on = |r: Result<()>| r.unwrap_err().field;
        assert!(check_dictionary_value(kind, "lead_source", Some("site"), None, Some(&entry(true))).is_ok());
        assert_eq!(
            on(check_dictionary_value(
                kind,
                "lead_source",
                Some("site"),
                None,
                Some(&entry(false))
            ))
            .as_deref(),
            Some("lead_source"),
            "an inactive entry takes no new records"
        );
        assert!(
            check_dictionary_value(kind, "lead_source", Some("site"), Some("site"), Some(&entry(false))).is_ok(),
            "a record keeps the entry it has"
        );
        assert_eq!(
            on(check_dictionary_value(kind, "lead_source", Some("pigeon"), None, None)).as_deref(),
            Some("lead_source")
        );
        assert!(
            check_dictionary_value(kind, "industry", Some("Покрівля"), Some("Покрівля"), None).is_ok(),
            "a free text typed before the dictionary stays"
        );
        assert!(check_dictionary_value(kind, "lead_source", None, Some("site"), None).is_ok());
    }
}
