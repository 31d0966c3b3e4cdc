//! A report on its way into a file.

use super::{AbcXyzRow, Report, ReportName};
use crate::Result;

/// A report as an export reads it. Every report but one is small (its open-ended lists are
/// capped at [`super::LIST_LIMIT`]) and comes whole. ABC/XYZ lists every client with revenue in
/// the period, tens of thousands in a large team, so an export gets its clients one at a time,
/// ranked, as the database sends them: the file is written in the memory of a few rows,
/// however many clients there are.
#[derive(Debug)]
pub enum ReportExport {
    Whole(Report),
    AbcXyz(RankedClients),
}

impl ReportExport {
    pub fn name(&self) -> ReportName {
        match self {
            ReportExport::Whole(report) => report.name(),
            ReportExport::AbcXyz(_) => ReportName::AbcXyz,
        }
    }
}

/// ABC/XYZ's clients as they are read: the same rows, in the same order, as
/// [`super::AbcXyz::companies`].
pub struct RankedClients {
    pub currency: String,
    /// "YYYY-MM" of the six months of XYZ, oldest first.
    pub months: Vec<String>,
    /// Largest revenue first (ties by company id). Taking the next client waits for the
    /// database, so it is pulled off the async threads (where the file is written). A client
    /// that cannot be read ends the list with its error.
    pub companies: Box<dyn Iterator<Item = Result<AbcXyzRow>> + Send>,
}

impl std::fmt::Debug for RankedClients {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RankedClients")
            .field("currency", &self.currency)
            .field("months", &self.months)
            .finish_non_exhaustive()
    }
}
