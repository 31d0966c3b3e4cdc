//! The layout as one worksheet: the same texts as the PDF, with quantities, prices, discounts
//! and totals as numbers, so the client's accountant can work with them.

use crate::failed;
use crate::layout::{Cell, Layout, Value};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use voronka_core::Result;

pub fn write(layout: &Layout) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    fill(sheet, layout).map_err(|e| failed("workbook", e))?;
    workbook.save_to_buffer().map_err(|e| failed("workbook", e))
}

fn fill(sheet: &mut Worksheet, layout: &Layout) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(&layout.sheet))?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let dim = Format::new().set_font_color("#646A73");
    let header = Format::new()
        .set_bold()
        .set_background_color("#ECF0F4")
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap();
    let money_code = format!("#,##0.00 \"{}\"", layout.currency);
    let money = Format::new().set_num_format(&money_code);
    let quantity = Format::new().set_num_format("#,##0.###");
    let percent = Format::new().set_num_format("0.##%");
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    let widths = [5.0, 44.0, 8.0, 11.0, 15.0, 10.0, 17.0];
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    let mut row: u32 = 0;
    for (i, line) in layout.seller.iter().enumerate() {
        sheet.write_with_format(row, 0, line, if i == 0 { &title } else { &dim })?;
        row += 1;
    }
    row += 1;
    sheet.write_with_format(row, 0, &layout.title, &title)?;
    row += 1;
    sheet.write_with_format(row, 0, &layout.subtitle, &dim)?;
    row += 2;
    for block in &layout.blocks {
        sheet.write_with_format(row, 0, &block.heading, &bold)?;
        for (i, line) in block.lines.iter().enumerate() {
            sheet.write(row + i as u32, 1, line)?;
        }
        row += block.lines.len().max(1) as u32 + 1;
    }
    for (col, column) in layout.columns.iter().enumerate() {
        sheet.write_with_format(row, col as u16, &column.label, &header)?;
    }
    row += 1;
    for cells in &layout.rows {
        for (col, cell) in cells.iter().enumerate() {
            write_cell(sheet, row, col as u16, cell, &text, &money, &quantity, &percent)?;
        }
        row += 1;
    }
    row += 1;
    let last = layout.columns.len() as u16 - 1;
    for (i, (label, cell)) in layout.totals.iter().enumerate() {
        let is_last = i + 1 == layout.totals.len();
        let label_format = if is_last { &bold } else { &dim };
        sheet.write_with_format(
            row,
            last - 1,
            label,
            &label_format.clone().set_align(FormatAlign::Right),
        )?;
        let amount = if is_last {
            money.clone().set_bold()
        } else {
            money.clone()
        };
        write_cell(sheet, row, last, cell, &text, &amount, &quantity, &percent)?;
        row += 1;
    }
    row += 1;
    if let Some(terms) = &layout.terms {
        sheet.write_with_format(row, 0, &terms.heading, &bold)?;
        for (i, line) in terms.lines.iter().enumerate() {
            sheet.write(row + i as u32, 1, line)?;
        }
        row += terms.lines.len().max(1) as u32 + 1;
    }
    sheet.write_with_format(row, 0, &layout.valid_until, &bold)?;
    Ok(())
}

#[allow(clippy::too_many_arguments, reason = "the cell and the four formats it may take")]
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    text: &Format,
    money: &Format,
    quantity: &Format,
    percent: &Format,
) -> Result<(), XlsxError> {
    match cell.value {
        Some(Value::Money(v)) => sheet.write_number_with_format(row, col, v, money),
        Some(Value::Quantity(v)) => sheet.write_number_with_format(row, col, v, quantity),
        Some(Value::Percent(v)) => sheet.write_number_with_format(row, col, v, percent),
        None => sheet.write_with_format(row, col, &cell.text, text),
    }?;
    Ok(())
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(raw: &str) -> String {
    raw.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect()
}
