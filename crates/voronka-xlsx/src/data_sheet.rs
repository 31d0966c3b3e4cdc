use rust_xlsxwriter::utility::cell_range;
use rust_xlsxwriter::{Color, Format, FormatBorder, Formula, RowNum, Workbook as XlsxWorkbook, Worksheet};

use crate::column_format::{
    MINOR_PER_MAJOR, cell_name, fits, header_width, is_numeric, kind_name, number_format, total_width, value_width,
};
use crate::save::PROGRESS_EVERY;
use crate::totals::{Tally, formula, function_name};
use crate::{Cell, Column, ColumnKind, Error, Locale, SheetData, TotalFunction, chart};

/// Excel's last row is 1,048,576; one goes to the header and one to the totals.
const MAX_DATA_ROWS: u32 = 1_048_574;

/// Writes one table as a constant-memory sheet: the header, the rows as they come, then the
/// totals, widths, filter and chart, which Excel keeps apart from the cells and so may follow.
/// Returns how many rows of data it wrote, and tells `progress` the count every
/// [`PROGRESS_EVERY`] rows.
pub(crate) fn write(
    book: &mut XlsxWorkbook,
    sheet: SheetData<'_>,
    name: &str,
    locale: &Locale,
    progress: &mut dyn FnMut(u64),
) -> Result<u64, Error> {
    check(&sheet)?;
    let SheetData {
        columns,
        rows,
        totals,
        chart: chart_spec,
        name: given_name,
    } = sheet;
    let formats = Formats::new(&columns, locale);
    let ws = book.add_worksheet_with_constant_memory()?;
    ws.set_name(name)?;

    let mut widths: Vec<f64> = columns.iter().map(|c| header_width(&c.title)).collect();
    for (col, column) in columns.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, &column.title, &formats.header)?;
    }

    let mut tallies = vec![Tally::default(); columns.len()];
    let mut last_row: RowNum = 0;
    for cells in rows {
        let cells = cells.map_err(|source| Error::Rows {
            sheet: given_name.clone(),
            row: u64::from(last_row) + 1,
            source,
        })?;
        if last_row == MAX_DATA_ROWS {
            return Err(Error::TooManyRows {
                sheet: given_name,
                max: MAX_DATA_ROWS,
            });
        }
        last_row += 1;
        if cells.len() > columns.len() {
            return Err(Error::RowTooWide {
                sheet: given_name,
                row: u64::from(last_row),
                cells: cells.len(),
                columns: columns.len(),
            });
        }
        for (col, (cell, column)) in cells.iter().zip(&columns).enumerate() {
            if !fits(&column.kind, cell) || !is_finite(cell) {
                return Err(Error::CellDoesNotFit {
                    sheet: given_name,
                    row: u64::from(last_row),
                    column: column.title.clone(),
                    cell: if is_finite(cell) {
                        cell_name(cell)
                    } else {
                        "a number that is not finite"
                    },
                    kind: kind_name(&column.kind),
                });
            }
            write_cell(ws, last_row, col as u16, cell, &formats.cells[col])?;
            let width = value_width(&column.kind, cell, locale);
            if width > widths[col] {
                widths[col] = width;
            }
            tallies[col].add(cell);
        }
        if u64::from(last_row) % PROGRESS_EVERY == 0 {
            progress(u64::from(last_row));
        }
    }

    if last_row > 0 && !totals.is_empty() {
        let totals_row = last_row + 1;
        if !totals.iter().any(|t| t.column == 0) {
            ws.write_string_with_format(totals_row, 0, &locale.total, &formats.totals[0])?;
        }
        for total in &totals {
            let col = total.column as u16;
            let kind = &columns[total.column].kind;
            let range = cell_range(1, col, last_row, col);
            let value = tallies[total.column].value(total.function, kind);
            let result = match value {
                Some(value) => value.to_string(),
                None => "#DIV/0!".to_owned(),
            };
            let formula = Formula::new(formula(total.function, kind, &range)).set_result(result);
            ws.write_formula_with_format(totals_row, col, formula, &formats.totals[total.column])?;
            if let Some(value) = value {
                let width = total_width(kind, value, locale);
                if width > widths[total.column] {
                    widths[total.column] = width;
                }
            }
        }
    }

    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, (columns.len() - 1) as u16)?;
    for (col, width) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    if let Some(spec) = chart_spec
        && last_row > 0
    {
        let chart = chart::build(&spec, name, &columns, last_row, locale);
        ws.insert_chart_with_offset(1, (columns.len() + 1) as u16, &chart, 0, 0)?;
    }
    Ok(u64::from(last_row))
}

fn write_cell(ws: &mut Worksheet, row: RowNum, col: u16, cell: &Cell, format: &Format) -> Result<(), Error> {
    match cell {
        Cell::Empty => {}
        Cell::Text(text) => {
            ws.write_string_with_format(row, col, fit_cell_text(text).as_ref(), format)?;
        }
        Cell::Int(n) => {
            ws.write_number_with_format(row, col, *n as f64, format)?;
        }
        Cell::Money(minor) => {
            ws.write_number_with_format(row, col, *minor as f64 / MINOR_PER_MAJOR, format)?;
        }
        Cell::Percent(x) | Cell::Number(x) => {
            ws.write_number_with_format(row, col, *x, format)?;
        }
        Cell::Date(date) => {
            ws.write_datetime_with_format(row, col, date, format)?;
        }
        Cell::DateTime(at) => {
            ws.write_datetime_with_format(row, col, at, format)?;
        }
    }
    Ok(())
}

/// Excel's longest cell text, in UTF-16 units.
const MAX_CELL_TEXT: usize = 32_767;

/// A text as long as a cell holds: a longer one (a note pasted whole) is cut with an ellipsis
/// rather than failing the whole export.
pub(crate) fn fit_cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= MAX_CELL_TEXT || text.encode_utf16().count() <= MAX_CELL_TEXT {
        return text.into();
    }
    let mut units = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > MAX_CELL_TEXT - 1
        })
        .map_or(text.len(), |(at, _)| at);
    format!("{}…", &text[..end]).into()
}

fn is_finite(cell: &Cell) -> bool {
    match cell {
        Cell::Percent(x) | Cell::Number(x) => x.is_finite(),
        _ => true,
    }
}

/// Refuses a sheet whose totals or chart name columns that are not there or cannot be added
/// up or drawn, before its first row is pulled.
fn check(sheet: &SheetData<'_>) -> Result<(), Error> {
    let columns = &sheet.columns;
    if columns.is_empty() {
        return Err(Error::NoColumns {
            sheet: sheet.name.clone(),
        });
    }
    let column = |index: usize| {
        columns.get(index).ok_or_else(|| Error::NoSuchColumn {
            sheet: sheet.name.clone(),
            column: index,
            columns: columns.len(),
        })
    };
    for total in &sheet.totals {
        let c = column(total.column)?;
        if total.function != TotalFunction::Count && !is_numeric(&c.kind) {
            return Err(Error::TotalDoesNotFit {
                sheet: sheet.name.clone(),
                column: c.title.clone(),
                function: function_name(total.function),
                kind: kind_name(&c.kind),
            });
        }
    }
    if let Some(chart) = &sheet.chart {
        column(chart.category)?;
        if chart.values.is_empty() {
            return Err(Error::ChartWithoutValues {
                sheet: sheet.name.clone(),
            });
        }
        for &value in &chart.values {
            let c = column(value)?;
            if !is_numeric(&c.kind) {
                return Err(Error::ChartDoesNotFit {
                    sheet: sheet.name.clone(),
                    column: c.title.clone(),
                    kind: kind_name(&c.kind),
                });
            }
        }
    }
    Ok(())
}

/// One format per column for its cells and one, bold, for its total: made once per sheet, not
/// per cell.
struct Formats {
    header: Format,
    cells: Vec<Format>,
    totals: Vec<Format>,
}

impl Formats {
    fn new(columns: &[Column], locale: &Locale) -> Formats {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_border_bottom(FormatBorder::Thin);
        let cells: Vec<Format> = columns
            .iter()
            .map(|c| match number_format(&c.kind, locale) {
                Some(code) => Format::new().set_num_format(code),
                None => Format::new(),
            })
            .collect();
        let totals = columns
            .iter()
            .zip(&cells)
            .map(|(c, format)| {
                let format = format.clone().set_bold().set_border_top(FormatBorder::Thin);
                // Dates and integers in the totals row are counts or sums, never dates.
                match c.kind {
                    ColumnKind::Date | ColumnKind::DateTime | ColumnKind::Text => format.set_num_format("#,##0"),
                    _ => format,
                }
            })
            .collect();
        Formats { header, cells, totals }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_text_is_cut_to_what_excel_holds() {
        let short = "Коментар";
        assert_eq!(fit_cell_text(short), short);
        let exact = "я".repeat(MAX_CELL_TEXT);
        assert_eq!(fit_cell_text(&exact), exact);
        let long = "я".repeat(MAX_CELL_TEXT + 10);
        let cut = fit_cell_text(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_TEXT);
        assert!(cut.ends_with("я…"));
        // A character outside the BMP takes two units and is never split.
        let wide = "😀".repeat(MAX_CELL_TEXT);
        let cut = fit_cell_text(&wide);
        assert!(cut.encode_utf16().count() <= MAX_CELL_TEXT);
        assert!(cut.ends_with("😀…"));
    }
}
