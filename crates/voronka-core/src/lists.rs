//! The lists people keep as tables (companies, contacts, deals, tasks), as an export writes
//! them: the columns each list has, and the rows read while they are written.
//!
//! The UI sends the columns it shows, in its order and with its headings; each key must be one
//! of the list's [`columns`], so what a file can hold is decided here, not in the UI.

use crate::reports::{Cell, ColumnKind, ExportRows};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ListName {
    Companies,
    Contacts,
    Deals,
    Tasks,
}

impl ListName {
    pub const ALL: [ListName; 4] = [
        ListName::Companies,
        ListName::Contacts,
        ListName::Deals,
        ListName::Tasks,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ListName::Companies => "companies",
            ListName::Contacts => "contacts",
            ListName::Deals => "deals",
            ListName::Tasks => "tasks",
        }
    }

    /// The sheet's name and the file's default name.
    pub fn title(self) -> &'static str {
        match self {
            ListName::Companies => "Companies",
            ListName::Contacts => "Contacts",
            ListName::Deals => "Deals",
            ListName::Tasks => "Tasks",
        }
    }
}

impl std::str::FromStr for ListName {
    type Err = Error;
    fn from_str(s: &str) -> Result<ListName> {
        ListName::ALL
            .into_iter()
            .find(|n| n.as_str() == s.trim())
            .ok_or_else(|| {
                Error::invalid(
                    "list",
                    format!("no list «{s}»; one of: companies, contacts, deals, tasks"),
                )
            })
    }
}

/// A column as the person sees it: the list's key and the heading in their language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ListColumn {
    pub key: String,
    pub title: String,
}

/// Every column a list can be exported with, and what it holds.
pub fn columns(list: ListName) -> &'static [(&'static str, ColumnKind)] {
    use ColumnKind::*;
    match list {
        ListName::Companies => &[
            ("name", Text),
            ("legal_id", Text),
            ("city", Text),
            ("address", Text),
            ("industry", Text),
            ("work_phone", Text),
            ("mobile_phone", Text),
            ("email", Text),
            ("website", Text),
            ("lead_source", Text),
            ("owner", Text),
            ("notes", Text),
            ("created_at", Date),
            ("updated_at", Date),
        ],
        ListName::Contacts => &[
            ("full_name", Text),
            ("position", Text),
            ("company", Text),
            ("phones", Text),
            ("emails", Text),
            ("address", Text),
            ("birthday", Date),
            ("owner", Text),
            ("notes", Text),
            ("created_at", Date),
            ("updated_at", Date),
        ],
        ListName::Deals => &[
            ("title", Text),
            ("company", Text),
            ("amount", Money),
            ("stage", Text),
            ("pipeline", Text),
            ("owner", Text),
            ("status", Text),
            ("win_probability", Percent),
            ("expected_close_date", Date),
            ("planned_payment_date", Date),
            ("lead_source", Text),
            ("sales_channel", Text),
            ("communication_channel", Text),
            ("loss_comment", Text),
            ("created_at", Date),
            ("updated_at", Date),
        ],
        ListName::Tasks => &[
            ("title", Text),
            ("kind", Text),
            ("assignee", Text),
            ("deal", Text),
            ("company", Text),
            ("due_at", Date),
            ("done_at", Date),
            ("result", Text),
            ("created_at", Date),
        ],
    }
}

/// The kind of each chosen column, in the chosen order; an unknown or repeated key, or none
/// at all, is refused on `columns[i]` (`columns`) before anything is read.
pub fn chosen_kinds(list: ListName, chosen: &[ListColumn]) -> Result<Vec<ColumnKind>> {
    if chosen.is_empty() {
        return Err(Error::invalid("columns", "choose at least one column to export"));
    }
    let known = columns(list);
    let mut kinds = Vec::with_capacity(chosen.len());
    for (i, column) in chosen.iter().enumerate() {
        let field = format!("columns[{i}]");
        if chosen[..i].iter().any(|c| c.key == column.key) {
            return Err(Error::invalid(
                field,
                format!("the column «{}» is chosen twice", column.key),
            ));
        }
        match known.iter().find(|(key, _)| *key == column.key) {
            Some((_, kind)) => kinds.push(*kind),
            None => {
                return Err(Error::invalid(
                    field,
                    format!("{} have no column «{}»", list.title().to_lowercase(), column.key),
                ));
            }
        }
    }
    Ok(kinds)
}

/// A list on its way into a file: its columns, and its rows as they are read (one cell per
/// column, in the columns' order).
pub struct ListExport {
    pub list: ListName,
    pub columns: Vec<crate::reports::table::Column>,
    pub rows: ExportRows<Vec<Cell>>,
    /// The department's currency, for the money columns' format.
    pub currency: String,
}

impl std::fmt::Debug for ListExport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListExport")
            .field("list", &self.list)
            .field("columns", &self.columns)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(key: &str) -> ListColumn {
        ListColumn {
            key: key.into(),
            title: key.to_uppercase(),
        }
    }

    #[test]
    fn only_a_lists_own_columns_are_exported_each_once() {
        assert_eq!(
            chosen_kinds(ListName::Deals, &[col("title"), col("amount")]).unwrap(),
            vec![ColumnKind::Text, ColumnKind::Money]
        );
        let err = chosen_kinds(ListName::Companies, &[col("name"), col("amount")]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("columns[1]"));
        let err = chosen_kinds(ListName::Companies, &[col("name"), col("name")]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("columns[1]"));
        let err = chosen_kinds(ListName::Tasks, &[]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("columns"));
    }
}
