//! The refused rows as a workbook the user fixes and imports again: the file's own columns,
//! then the row's number in the file and the reason it was refused.

use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;
use voronka_core::{Error, Result};

/// One refused row: its number in the file, its cells, and why.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct RefusedRow {
    pub row: usize,
    pub cells: Vec<String>,
    /// The field the reason is about, as the mapping names it.
    pub field: Option<String>,
    pub reason: String,
}

/// The titles of the two columns after the file's own, in the reader's language.
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct RefusedTitles {
    pub row: String,
    pub reason: String,
}

impl Default for RefusedTitles {
    fn default() -> RefusedTitles {
        RefusedTitles {
            row: "Row".into(),
            reason: "Reason".into(),
        }
    }
}

/// Writes `rows` under `header` to `path` (an `.xlsx`); refused on `refused` when it cannot.
pub fn write(path: &Path, header: &[String], titles: &RefusedTitles, rows: &[RefusedRow]) -> Result<()> {
    let fail =
        |e: rust_xlsxwriter::XlsxError| Error::invalid("refused", format!("cannot write {}: {e}", path.display()));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    let mut heads: Vec<&str> = header.iter().map(String::as_str).collect();
    heads.extend([titles.row.as_str(), titles.reason.as_str()]);
    for (c, title) in heads.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *title, &bold)
            .map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let line = (r + 1) as u32;
        for (c, value) in row.cells.iter().enumerate().take(header.len()) {
            if !value.is_empty() {
                sheet.write_string(line, c as u16, value).map_err(fail)?;
            }
        }
        sheet
            .write_number(line, header.len() as u16, row.row as f64)
            .map_err(fail)?;
        let reason = match &row.field {
            Some(f) => format!("{f}: {}", row.reason),
            None => row.reason.clone(),
        };
        sheet
            .write_string(line, header.len() as u16 + 1, &reason)
            .map_err(fail)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    sheet.set_column_width(header.len() as u16 + 1, 60).map_err(fail)?;
    book.save(path).map_err(fail)
}
