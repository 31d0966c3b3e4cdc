use crate::column_format::MINOR_PER_MAJOR;
use crate::{Cell, ColumnKind, TotalFunction};

/// What the totals row's formulas will compute, gathered while the rows stream past, so each
/// formula is written with its value and the file reads right before any recalculation.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tally {
    /// Exact sum of integers and of minor units of money.
    whole: i128,
    /// Sum of the other numbers (percent fractions, decimals, integers in a number column).
    real: f64,
    /// Filled cells.
    count: u64,
}

impl Tally {
    pub(crate) fn add(&mut self, cell: &Cell) {
        match cell {
            Cell::Empty => return,
            Cell::Int(n) | Cell::Money(n) => {
                self.whole += i128::from(*n);
                self.real += *n as f64;
            }
            Cell::Percent(x) | Cell::Number(x) => self.real += x,
            Cell::Text(_) | Cell::Date(_) | Cell::DateTime(_) => {}
        }
        self.count += 1;
    }

    /// The total's value in the units the sheet shows (major units for money), `None` for an
    /// average of no numbers, which Excel answers with #DIV/0!.
    pub(crate) fn value(&self, function: TotalFunction, kind: &ColumnKind) -> Option<f64> {
        let sum = match kind {
            ColumnKind::Integer => self.whole as f64,
            ColumnKind::Money { .. } => self.whole as f64 / MINOR_PER_MAJOR,
            _ => self.real,
        };
        match function {
            TotalFunction::Sum => Some(sum),
            TotalFunction::Count => Some(self.count as f64),
            TotalFunction::Average if self.count == 0 => None,
            TotalFunction::Average => Some(sum / self.count as f64),
        }
    }
}

/// The formula over the data range (e.g. "B2:B1001") for a column of this kind.
pub(crate) fn formula(function: TotalFunction, kind: &ColumnKind, range: &str) -> String {
    match function {
        TotalFunction::Sum => format!("=SUM({range})"),
        TotalFunction::Average => format!("=AVERAGE({range})"),
        // COUNT finds only numbers (dates are numbers), so text is counted with COUNTA.
        TotalFunction::Count if *kind == ColumnKind::Text => format!("=COUNTA({range})"),
        TotalFunction::Count => format!("=COUNT({range})"),
    }
}

pub(crate) fn function_name(function: TotalFunction) -> &'static str {
    match function {
        TotalFunction::Sum => "sum",
        TotalFunction::Average => "average",
        TotalFunction::Count => "count",
    }
}
