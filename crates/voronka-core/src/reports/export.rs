//! A report on its way into a file.

use super::{AbcXyzRow, PlannedPayment, Report, ReportName};
use crate::Result;
use chrono::NaiveDate;

/// A report as an export reads it. Most reports are small (their open-ended lists are capped at
/// [`super::LIST_LIMIT`]) and come whole. Two list rows that grow with the team's data: ABC/XYZ
/// every client with revenue in the period, the payment plan every payment due in the week. An
/// export gets those one at a time, in their order, as the database sends them: the file is
/// written in the memory of a few rows, however many there are.
#[derive(Debug)]
pub enum ReportExport {
    Whole(Report),
    AbcXyz(RankedClients),
    PaymentPlan(PlannedWeek),
}

impl ReportExport {
    pub fn name(&self) -> ReportName {
        match self {
            ReportExport::Whole(report) => report.name(),
            ReportExport::AbcXyz(_) => ReportName::AbcXyz,
            ReportExport::PaymentPlan(_) => ReportName::PaymentPlan,
        }
    }
}

/// ABC/XYZ's clients as they are read: the same rows, in the same order, as
/// [`super::AbcXyz::companies`].
pub struct RankedClients {
    pub currency: String,
    /// "YYYY-MM" of the six months of XYZ, oldest first.
    pub months: Vec<String>,
    /// Largest revenue first (ties by company id).
    pub companies: ExportRows<AbcXyzRow>,
}

/// The payment plan's payments as they are read: the same rows, in the same order, as
/// [`super::PaymentPlan::payments`].
pub struct PlannedWeek {
    pub week_start: NaiveDate,
    pub week_end: NaiveDate,
    pub payments: ExportRows<PlannedPayment>,
}

/// Rows read from the database while they are written. Taking the next one waits for the
/// database, so they are pulled off the async threads (where the file is written). A row that
/// cannot be read ends them with its error.
pub type ExportRows<T> = Box<dyn Iterator<Item = Result<T>> + Send>;

impl std::fmt::Debug for RankedClients {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RankedClients")
            .field("currency", &self.currency)
            .field("months", &self.months)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for PlannedWeek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlannedWeek")
            .field("week_start", &self.week_start)
            .field("week_end", &self.week_end)
            .finish_non_exhaustive()
    }
}
