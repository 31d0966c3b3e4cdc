use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use voronka_core::types::Currency;

use crate::Locale;

/// One report as a workbook: a cover sheet that names it, then one sheet per table.
pub struct Workbook<'a> {
    pub title: String,
    /// What the report was narrowed to, as the person chose it: ("Manager", "Olena"), ...
    pub filters: Vec<Filter>,
    /// When it was made, in the offset of the zone it is shown in.
    pub generated_at: DateTime<FixedOffset>,
    /// The IANA name of that zone, e.g. "Europe/Kyiv".
    pub time_zone: String,
    /// Who made it.
    pub generated_by: String,
    pub sheets: Vec<SheetData<'a>>,
    /// The words of the cover sheet and the totals row, and the date formats.
    pub locale: Locale,
}

impl std::fmt::Debug for Workbook<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook")
            .field("title", &self.title)
            .field("filters", &self.filters)
            .field("generated_at", &self.generated_at)
            .field("time_zone", &self.time_zone)
            .field("generated_by", &self.generated_by)
            .field("sheets", &self.sheets)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub label: String,
    pub value: String,
}

impl Filter {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Filter {
        Filter {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// The rows of a sheet, pulled one at a time while the sheet is written, so a report of any
/// length is written in the memory of one row. A row that could not be read (a database cursor
/// failing half way) stops the workbook with `Error::Rows`.
pub type Rows<'a> = Box<dyn Iterator<Item = Result<Vec<Cell>, RowError>> + 'a>;

/// Why a row of a report could not be produced, as its source told it.
pub type RowError = Box<dyn std::error::Error + Send + Sync>;

/// One table of a report.
pub struct SheetData<'a> {
    /// The sheet's name as the report calls it; made valid and unique for Excel when written.
    pub name: String,
    pub columns: Vec<Column>,
    /// Each row has at most one cell per column; missing cells at the end are empty.
    pub rows: Rows<'a>,
    pub totals: Vec<Total>,
    pub chart: Option<ChartSpec>,
}

impl<'a> SheetData<'a> {
    pub fn new(
        name: impl Into<String>,
        columns: Vec<Column>,
        rows: impl IntoIterator<Item = Vec<Cell>> + 'a,
    ) -> SheetData<'a> {
        SheetData {
            name: name.into(),
            columns,
            rows: Box::new(rows.into_iter().map(Ok)),
            totals: Vec::new(),
            chart: None,
        }
    }

    /// A sheet whose rows come from a source that can fail, such as a database cursor.
    pub fn from_results<E: Into<RowError>>(
        name: impl Into<String>,
        columns: Vec<Column>,
        rows: impl IntoIterator<Item = Result<Vec<Cell>, E>> + 'a,
    ) -> SheetData<'a> {
        SheetData {
            name: name.into(),
            columns,
            rows: Box::new(rows.into_iter().map(|row| row.map_err(Into::into))),
            totals: Vec::new(),
            chart: None,
        }
    }

    pub fn with_totals(mut self, totals: Vec<Total>) -> SheetData<'a> {
        self.totals = totals;
        self
    }

    pub fn with_chart(mut self, chart: ChartSpec) -> SheetData<'a> {
        self.chart = Some(chart);
        self
    }
}

impl std::fmt::Debug for SheetData<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SheetData")
            .field("name", &self.name)
            .field("columns", &self.columns)
            .field("totals", &self.totals)
            .field("chart", &self.chart)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub kind: ColumnKind,
}

impl Column {
    pub fn new(title: impl Into<String>, kind: ColumnKind) -> Column {
        Column {
            title: title.into(),
            kind,
        }
    }
    pub fn text(title: impl Into<String>) -> Column {
        Column::new(title, ColumnKind::Text)
    }
    pub fn integer(title: impl Into<String>) -> Column {
        Column::new(title, ColumnKind::Integer)
    }
    pub fn money(title: impl Into<String>, currency: Currency) -> Column {
        Column::new(title, ColumnKind::Money { currency })
    }
    pub fn percent(title: impl Into<String>) -> Column {
        Column::new(title, ColumnKind::Percent)
    }
    pub fn date(title: impl Into<String>) -> Column {
        Column::new(title, ColumnKind::Date)
    }
    pub fn date_time(title: impl Into<String>) -> Column {
        Column::new(title, ColumnKind::DateTime)
    }
    pub fn number(title: impl Into<String>, decimals: u8) -> Column {
        Column::new(title, ColumnKind::Number { decimals })
    }
}

/// What a column holds, which decides its number format and which cells it accepts.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnKind {
    /// `Cell::Text`.
    Text,
    /// `Cell::Int`, shown with grouped thousands.
    Integer,
    /// `Cell::Money` in minor units (hundredths), shown in major units with the currency's sign.
    Money { currency: Currency },
    /// `Cell::Percent` as a fraction: 0.25 is shown as 25.0%.
    Percent,
    /// `Cell::Date`, a real Excel date.
    Date,
    /// `Cell::DateTime` (wall-clock time of the report's zone) or `Cell::Date`.
    DateTime,
    /// `Cell::Number` or `Cell::Int`, with this many decimals (at most 10).
    Number { decimals: u8 },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// Minor units (kopiyky, cents) of the column's currency.
    Money(i64),
    /// A fraction: 0.125 is 12.5%.
    Percent(f64),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Number(f64),
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

/// A formula under a column in the totals row, written with the value it computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total {
    /// Index into `SheetData::columns`.
    pub column: usize,
    pub function: TotalFunction,
}

impl Total {
    pub fn sum(column: usize) -> Total {
        Total {
            column,
            function: TotalFunction::Sum,
        }
    }
    pub fn average(column: usize) -> Total {
        Total {
            column,
            function: TotalFunction::Average,
        }
    }
    pub fn count(column: usize) -> Total {
        Total {
            column,
            function: TotalFunction::Count,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalFunction {
    /// `SUM`, for number columns.
    Sum,
    /// `AVERAGE`, for number columns.
    Average,
    /// `COUNT` of filled cells (`COUNTA` in a text column, where `COUNT` would find none).
    Count,
}

/// A native Excel chart over the sheet's own cells, placed to the right of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartSpec {
    pub kind: ChartKind,
    pub title: String,
    /// The column whose cells name the categories (index into `SheetData::columns`).
    pub category: usize,
    /// The number columns drawn, one series each.
    pub values: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Vertical bars, one per series side by side.
    Bar,
    /// Vertical bars, the series stacked.
    StackedBar,
    Line,
    /// Horizontal bars from the first category at the top down, as a sales funnel reads.
    Funnel,
    /// The first value column as bars, the others as lines on a second axis (plan as bars, a
    /// rate as a line).
    BarWithLine,
}
