//! A deal's commercial proposal (КП) as a PDF and an XLSX workbook.
//!
//! The store gathers the facts ([`voronka_core::model::ProposalFacts`]) in one transaction;
//! [`layout`] turns them into the proposal as data (its blocks, table and totals, the labels in
//! the maker's language), and [`pdf`] and [`xlsx`] write that one layout, so both files say the
//! same thing.
//!
//! The PDF is written with krilla: a high-level PDF library (used by typst) that shapes text,
//! embeds and subsets TrueType fonts with their Unicode mapping (so Cyrillic text is stored as
//! text and can be searched, copied and read back by `pdftotext`) and places PNG and JPEG
//! images, without a C dependency. printpdf was the other candidate; it needs more of the text
//! layout done by hand for the same result. The font is DejaVu Sans, regular and bold, shipped
//! in `fonts/` with its license.

pub mod labels;
pub mod layout;
pub mod pdf;
pub mod xlsx;

use voronka_core::model::ProposalFacts;
use voronka_core::{Error, Result};

/// The two files of a proposal.
#[derive(Debug, Clone)]
pub struct ProposalFiles {
    pub pdf: Vec<u8>,
    pub xlsx: Vec<u8>,
}

/// Lays the proposal out and writes both files.
pub fn render(facts: &ProposalFacts) -> Result<ProposalFiles> {
    let layout = layout::Layout::of(facts);
    Ok(ProposalFiles {
        pdf: pdf::write(&layout)?,
        xlsx: xlsx::write(&layout)?,
    })
}

pub(crate) fn failed(what: &str, e: impl std::fmt::Display) -> Error {
    Error::storage(format!("the proposal's {what} could not be written: {e}"))
}
