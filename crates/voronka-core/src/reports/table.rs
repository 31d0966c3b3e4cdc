//! A report as plain tables: columns with a kind, rows of cells, a totals row. An exporter (XLSX)
//! and the UI render any report from this view without knowing which report it is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a column's values are to be shown and formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    Integer,
    /// Integer minor units with a currency code ([`Cell::Money`]).
    Money,
    /// A percentage, 0–100 (not a fraction).
    Percent,
    Date,
    /// Days as a decimal number.
    Days,
    /// Any other decimal number (minutes, ratios).
    Number,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Column {
    /// A stable machine name ("fact", "plan"): what translations and tests key on.
    pub key: String,
    /// An English heading; the UI translates by `key`.
    pub title: String,
    pub kind: ColumnKind,
}

/// One value of a table. `Empty` is a cell with nothing to show (no plan, no median).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Cell {
    Empty,
    Text(String),
    Integer(i64),
    Money { minor: i64, currency: String },
    Percent(f64),
    Date(NaiveDate),
    Days(f64),
    Number(f64),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn money(minor: i64, currency: &str) -> Cell {
        Cell::Money {
            minor,
            currency: currency.to_string(),
        }
    }

    pub fn percent(p: Option<f64>) -> Cell {
        p.map(Cell::Percent).unwrap_or(Cell::Empty)
    }

    pub fn days(d: Option<f64>) -> Cell {
        d.map(Cell::Days).unwrap_or(Cell::Empty)
    }

    pub fn number(n: Option<f64>) -> Cell {
        n.map(Cell::Number).unwrap_or(Cell::Empty)
    }

    pub fn opt_text(s: Option<&str>) -> Cell {
        s.map(Cell::text).unwrap_or(Cell::Empty)
    }

    pub fn opt_date(d: Option<NaiveDate>) -> Cell {
        d.map(Cell::Date).unwrap_or(Cell::Empty)
    }
}

/// One table of a report (one sheet of its workbook).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ReportTable {
    /// A stable machine name of the table within its report ("by_manager").
    pub key: String,
    /// An English title; the UI translates by `key`.
    pub title: String,
    pub columns: Vec<Column>,
    /// Each row has one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// The totals row, when the table has one; one cell per column.
    pub totals: Option<Vec<Cell>>,
}

impl ReportTable {
    /// A table with the given columns as `(key, title, kind)` and no rows yet.
    pub fn new(key: &str, title: &str, columns: &[(&str, &str, ColumnKind)]) -> ReportTable {
        ReportTable {
            key: key.into(),
            title: title.into(),
            columns: columns
                .iter()
                .map(|(key, title, kind)| Column {
                    key: (*key).into(),
                    title: (*title).into(),
                    kind: *kind,
                })
                .collect(),
            rows: Vec::new(),
            totals: None,
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.columns.len(), "a row has a cell per column");
        self.rows.push(cells);
    }

    pub fn with_totals(mut self, cells: Vec<Cell>) -> ReportTable {
        debug_assert_eq!(cells.len(), self.columns.len(), "totals have a cell per column");
        self.totals = Some(cells);
        self
    }
}

/// Anything that can be shown as tables: every report result.
pub trait Tabular {
    fn tables(&self) -> Vec<ReportTable>;
}
