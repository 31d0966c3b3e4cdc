//! One cell as the file gave it. A CSV has text only; a spreadsheet also numbers, dates and
//! booleans. A formula's cached value is what arrives: nothing here evaluates a formula.

use chrono::NaiveDateTime;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell formatted as a date (or date and time) in the spreadsheet.
    Date(NaiveDateTime),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, as a person reads it: whole numbers without ".0", dates as
    /// `YYYY-MM-DD` (with the time when there is one).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) if d.time() == chrono::NaiveTime::MIN => d.date().format("%Y-%m-%d").to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

/// A number as text without a spurious fraction: 380671234567.0 is "380671234567".
pub(crate) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

impl From<calamine::Data> for Cell {
    fn from(d: calamine::Data) -> Cell {
        use calamine::Data;
        match d {
            Data::Empty | Data::Error(_) => Cell::Empty,
            Data::String(s) => Cell::Text(s),
            Data::Int(i) => Cell::Number(i as f64),
            Data::Float(f) => Cell::Number(f),
            Data::Bool(b) => Cell::Bool(b),
            Data::DateTime(dt) => dt.as_datetime().map(Cell::Date).unwrap_or(Cell::Number(dt.as_f64())),
            Data::DateTimeIso(s) => iso(&s).map(Cell::Date).unwrap_or(Cell::Text(s)),
            Data::DurationIso(s) => Cell::Text(s),
        }
    }
}

impl From<calamine::DataRef<'_>> for Cell {
    fn from(d: calamine::DataRef<'_>) -> Cell {
        use calamine::DataRef;
        match d {
            DataRef::Empty | DataRef::Error(_) => Cell::Empty,
            DataRef::String(s) => Cell::Text(s),
            DataRef::SharedString(s) => Cell::Text(s.to_string()),
            DataRef::Int(i) => Cell::Number(i as f64),
            DataRef::Float(f) => Cell::Number(f),
            DataRef::Bool(b) => Cell::Bool(b),
            DataRef::DateTime(dt) => dt.as_datetime().map(Cell::Date).unwrap_or(Cell::Number(dt.as_f64())),
            DataRef::DateTimeIso(s) => iso(&s).map(Cell::Date).unwrap_or(Cell::Text(s)),
            DataRef::DurationIso(s) => Cell::Text(s),
        }
    }
}

fn iso(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").ok().or_else(|| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(|d| d.and_time(chrono::NaiveTime::MIN))
    })
}
