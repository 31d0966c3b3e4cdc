use crate::{Cell, ColumnKind, Locale};

/// Voronka keeps every currency's money in hundredths (see `voronka_core::Money`).
pub(crate) const MINOR_PER_MAJOR: f64 = 100.0;

/// Columns never grow wider than this many characters, however long a text in them is.
pub(crate) const MAX_WIDTH: f64 = 60.0;
const MIN_WIDTH: f64 = 6.0;
/// Room for the cell's padding and, in the header, the autofilter's drop-down button.
const HEADER_PADDING: f64 = 4.0;
const CELL_PADDING: f64 = 1.5;

/// The Excel number format code of a column, `None` for text.
pub(crate) fn number_format(kind: &ColumnKind, locale: &Locale) -> Option<String> {
    Some(match kind {
        ColumnKind::Text => return None,
        ColumnKind::Integer => "#,##0".to_owned(),
        ColumnKind::Money { currency } => format!("#,##0.00 \"{}\"", currency.symbol()),
        ColumnKind::Percent => "0.0%".to_owned(),
        ColumnKind::Date => locale.date_format.clone(),
        ColumnKind::DateTime => locale.date_time_format.clone(),
        ColumnKind::Number { decimals: 0 } => "#,##0".to_owned(),
        ColumnKind::Number { decimals } => {
            format!("#,##0.{}", "0".repeat(usize::from((*decimals).min(10))))
        }
    })
}

pub(crate) fn kind_name(kind: &ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Text => "text",
        ColumnKind::Integer => "integer",
        ColumnKind::Money { .. } => "money",
        ColumnKind::Percent => "percent",
        ColumnKind::Date => "date",
        ColumnKind::DateTime => "date-time",
        ColumnKind::Number { .. } => "number",
    }
}

pub(crate) fn cell_name(cell: &Cell) -> &'static str {
    match cell {
        Cell::Text(_) => "a text",
        Cell::Int(_) => "an integer",
        Cell::Money(_) => "an amount of money",
        Cell::Percent(_) => "a percentage",
        Cell::Date(_) => "a date",
        Cell::DateTime(_) => "a date-time",
        Cell::Number(_) => "a number",
        Cell::Empty => "an empty cell",
    }
}

pub(crate) fn is_numeric(kind: &ColumnKind) -> bool {
    matches!(
        kind,
        ColumnKind::Integer | ColumnKind::Money { .. } | ColumnKind::Percent | ColumnKind::Number { .. }
    )
}

/// Whether a column of this kind takes the cell; empty cells fit anywhere.
pub(crate) fn fits(kind: &ColumnKind, cell: &Cell) -> bool {
    matches!(
        (kind, cell),
        (_, Cell::Empty)
            | (ColumnKind::Text, Cell::Text(_))
            | (ColumnKind::Integer, Cell::Int(_))
            | (ColumnKind::Money { .. }, Cell::Money(_))
            | (ColumnKind::Percent, Cell::Percent(_))
            | (ColumnKind::Date, Cell::Date(_))
            | (ColumnKind::DateTime, Cell::DateTime(_) | Cell::Date(_))
            | (ColumnKind::Number { .. }, Cell::Number(_) | Cell::Int(_))
    )
}

/// The width, in Excel's character units, the header needs.
pub(crate) fn header_width(title: &str) -> f64 {
    (text_width(title) * 1.1 + HEADER_PADDING).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// The width a value needs once formatted by its column, estimated without formatting it:
/// grouped digits, decimals and the currency sign, or the date format's length.
pub(crate) fn value_width(kind: &ColumnKind, value: &Cell, locale: &Locale) -> f64 {
    let chars = match (kind, value) {
        (_, Cell::Empty) => return 0.0,
        (_, Cell::Text(text)) => text_width(text),
        (ColumnKind::Money { currency }, Cell::Money(minor)) => {
            grouped_digits(minor.unsigned_abs() / 100) + 4.0 + text_width(currency.symbol())
        }
        (_, Cell::Int(n)) => grouped_digits(n.unsigned_abs()) + 1.0,
        (ColumnKind::Number { decimals }, Cell::Number(x)) => number_width(*x) + f64::from(*decimals) + 1.0,
        (_, Cell::Percent(fraction)) => number_width(fraction * 100.0) + 3.0,
        (_, Cell::Number(x)) => number_width(*x) + 3.0,
        (ColumnKind::DateTime, Cell::Date(_)) | (_, Cell::DateTime(_)) => {
            locale.date_time_format.chars().count() as f64
        }
        (_, Cell::Date(_)) => locale.date_format.chars().count() as f64,
        (_, Cell::Money(minor)) => grouped_digits(minor.unsigned_abs() / 100) + 4.0,
    };
    (chars + CELL_PADDING).min(MAX_WIDTH)
}

/// The width of a total, whose value is a number in the column's own format.
pub(crate) fn total_width(kind: &ColumnKind, value: f64, locale: &Locale) -> f64 {
    let as_cell = match kind {
        ColumnKind::Money { .. } => Cell::Money((value * MINOR_PER_MAJOR) as i64),
        ColumnKind::Percent => Cell::Percent(value),
        _ => Cell::Number(value),
    };
    let kind = match kind {
        ColumnKind::Integer | ColumnKind::Date | ColumnKind::DateTime | ColumnKind::Text => {
            &ColumnKind::Number { decimals: 2 }
        }
        other => other,
    };
    // Bold digits are wider.
    value_width(kind, &as_cell, locale) * 1.1
}

fn text_width(text: &str) -> f64 {
    // Letters of a wide script take about two columns; Cyrillic a little more than Latin.
    text.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}' => 2.0,
            '\u{0400}'..='\u{04FF}' => 1.1,
            _ => 1.0,
        })
        .sum()
}

fn grouped_digits(n: u64) -> f64 {
    let digits = n.checked_ilog10().unwrap_or(0) + 1;
    f64::from(digits + (digits - 1) / 3)
}

fn number_width(x: f64) -> f64 {
    if x.is_finite() && x.abs() < 1e15 {
        grouped_digits(x.abs().trunc() as u64) + if x < 0.0 { 1.0 } else { 0.0 }
    } else {
        12.0
    }
}
