//! Voronka's reports as formatted Excel workbooks.
//!
//! A report describes itself as a [`Workbook`]: a title, its filters, when and by whom it was
//! made, and one [`SheetData`] per table with typed [`Column`]s, rows of [`Cell`]s, an optional
//! totals row and an optional native chart. The rows are an iterator pulled once while the sheet
//! is written, in constant memory, so a sheet of a million rows costs what a sheet of ten does.
//!
//! The file opens on a cover sheet naming the report; each data sheet has a bold frozen header
//! with an autofilter, columns as wide as their contents (up to a limit), money in its
//! currency's format (in major units), percentages, real Excel dates, totals as formulas that
//! carry their computed values, and the chart beside the table.

mod chart;
mod column_format;
mod cover;
mod data_sheet;
mod error;
mod list;
mod locale;
mod model;
mod names;
mod report;
mod save;
mod totals;

pub use error::Error;
pub use list::list_workbook;
pub use locale::Locale;
pub use model::{
    Cell, ChartKind, ChartSpec, Column, ColumnKind, Filter, RowError, Rows, SheetData, Total, TotalFunction, Workbook,
};
pub use names::{SHEET_NAME_MAX, SheetNames, safe_file_name};
pub use report::{Authorship, export_sheets, report_sheets, report_workbook};
pub use voronka_core::types::Currency;
