//! A cell read as the value a field needs: text, a date (a date cell, an Excel serial number,
//! or text such as `25.12.2026`), money in minor units (`1 234,56`, `1234.56 грн`), a count.

use crate::cell::Cell;
use chrono::NaiveDate;

/// Excel's day zero in the 1900 date system (its serial 60 is the 29 February 1900 that never
/// was, so counting from 30 December 1899 is right for every date after it).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// The serials of 1 January 1900 and 31 December 9999.
const SERIALS: std::ops::RangeInclusive<f64> = 1.0..=2_958_465.0;

pub(crate) fn date(cell: &Cell) -> Result<Option<NaiveDate>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(d.date())),
        Cell::Number(n) => serial(*n).map(Some),
        Cell::Bool(_) => Err("a yes/no value is not a date".into()),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            for format in ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%y", "%Y.%m.%d"] {
                if let Ok(d) = NaiveDate::parse_from_str(t, format) {
                    return Ok(Some(d));
                }
            }
            // "2026-12-25 00:00:00" or "25.12.2026 10:30": the day is what counts.
            if let Some((day, _)) = t.split_once([' ', 'T'])
                && let Ok(Some(d)) = date(&Cell::Text(day.to_string()))
            {
                return Ok(Some(d));
            }
            if let Ok(n) = t.parse::<f64>() {
                return serial(n).map(Some);
            }
            Err(format!("«{t}» is not a date (write it as 25.12.2026 or 2026-12-25)"))
        }
    }
}

fn serial(n: f64) -> Result<NaiveDate, String> {
    if !SERIALS.contains(&n) {
        return Err(format!("{n} is not a date"));
    }
    Ok(excel_epoch() + chrono::Duration::days(n.floor() as i64))
}

/// Money in minor units: a number cell as it is, text with spaces, a currency word or sign,
/// and a decimal comma or point.
pub(crate) fn money(cell: &Cell) -> Result<Option<i64>, String> {
    let n = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => *n,
        Cell::Text(t) => {
            let kept: String = t
                .chars()
                .filter(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))
                .collect();
            if kept.is_empty() {
                return if t.trim().is_empty() {
                    Ok(None)
                } else {
                    Err(format!("«{}» is not an amount", t.trim()))
                };
            }
            // One comma and no point is a decimal comma; otherwise commas group thousands.
            let normal = if kept.matches(',').count() == 1 && !kept.contains('.') {
                kept.replace(',', ".")
            } else {
                kept.replace(',', "")
            };
            normal
                .parse::<f64>()
                .map_err(|_| format!("«{}» is not an amount", t.trim()))?
        }
        other => return Err(format!("«{}» is not an amount", other.text())),
    };
    if !n.is_finite() || n.abs() > 1e13 {
        return Err(format!("{n} is out of range for an amount"));
    }
    Ok(Some((n * 100.0).round() as i64))
}

/// A whole count (employees).
pub(crate) fn count(cell: &Cell) -> Result<Option<i64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e12 => Ok(Some(*n as i64)),
        other => {
            let t = other.text();
            let digits: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            if digits.is_empty() {
                return Ok(None);
            }
            digits
                .parse::<i64>()
                .map(Some)
                .map_err(|_| format!("«{t}» is not a whole number"))
        }
    }
}

/// A legal id: a number cell lost its leading zero (ЄДРПОУ 01234567 became 1234567), so a
/// 7-digit number is given it back.
pub(crate) fn legal_id(cell: &Cell) -> String {
    let text = cell.text();
    match cell {
        Cell::Number(_) if text.len() == 7 || text.len() == 9 => format!("0{text}"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_as_cells_serials_and_text() {
        assert_eq!(date(&Cell::Number(46016.0)), Ok(d(2025, 12, 25)), "an Excel serial");
        assert_eq!(
            date(&Cell::Number(46016.75)),
            Ok(d(2025, 12, 25)),
            "a serial with a time"
        );
        assert_eq!(date(&Cell::Text("25.12.2025".into())), Ok(d(2025, 12, 25)));
        assert_eq!(date(&Cell::Text("2025-12-25".into())), Ok(d(2025, 12, 25)));
        assert_eq!(date(&Cell::Text("25/12/2025".into())), Ok(d(2025, 12, 25)));
        assert_eq!(date(&Cell::Text("25.12.2025 10:30".into())), Ok(d(2025, 12, 25)));
        assert_eq!(
            date(&Cell::Text("46016".into())),
            Ok(d(2025, 12, 25)),
            "a serial as text"
        );
        assert_eq!(date(&Cell::Text(" ".into())), Ok(None));
        assert!(date(&Cell::Text("31.02.2025".into())).is_err(), "no such day");
        assert!(date(&Cell::Text("завтра".into())).is_err());
        assert!(date(&Cell::Number(-5.0)).is_err());
    }

    #[test]
    fn money_with_spaces_commas_and_currency_words() {
        assert_eq!(money(&Cell::Number(1234.5)), Ok(Some(123_450)));
        assert_eq!(money(&Cell::Text("1 234,56".into())), Ok(Some(123_456)));
        assert_eq!(money(&Cell::Text("1,234.56".into())), Ok(Some(123_456)));
        assert_eq!(money(&Cell::Text("15000 грн".into())), Ok(Some(1_500_000)));
        assert_eq!(money(&Cell::Text("".into())), Ok(None));
        assert!(money(&Cell::Text("багато".into())).is_err());
    }

    #[test]
    fn a_legal_id_typed_as_a_number_gets_its_zero_back() {
        assert_eq!(legal_id(&Cell::Number(1234567.0)), "01234567");
        assert_eq!(legal_id(&Cell::Text("01234567".into())), "01234567");
    }
}
