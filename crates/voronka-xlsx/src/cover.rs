use rust_xlsxwriter::{Format, Workbook as XlsxWorkbook};

use crate::{Error, Filter, Locale};

/// What the cover sheet says about the report.
pub(crate) struct Cover<'a> {
    pub title: &'a str,
    pub filters: &'a [Filter],
    pub generated_at: chrono::DateTime<chrono::FixedOffset>,
    pub time_zone: &'a str,
    pub generated_by: &'a str,
}

/// The first sheet: the report's title, when and by whom it was made, and its filters, so a
/// file passed on still says what it shows.
pub(crate) fn write(book: &mut XlsxWorkbook, cover: &Cover<'_>, name: &str, locale: &Locale) -> Result<(), Error> {
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    let title = Format::new().set_bold().set_font_size(16);
    let label = Format::new().set_bold();
    let when = Format::new()
        .set_num_format(&locale.date_time_format)
        .set_align(rust_xlsxwriter::FormatAlign::Left);

    ws.write_string_with_format(0, 0, cover.title, &title)?;
    ws.write_string_with_format(2, 0, &locale.report, &label)?;
    ws.write_string(2, 1, cover.title)?;
    ws.write_string_with_format(3, 0, &locale.generated_at, &label)?;
    ws.write_datetime_with_format(3, 1, cover.generated_at.naive_local(), &when)?;
    let zone = format!("{} (UTC{})", cover.time_zone, cover.generated_at.offset());
    ws.write_string(3, 2, &zone)?;
    ws.write_string_with_format(4, 0, &locale.generated_by, &label)?;
    ws.write_string(4, 1, cover.generated_by)?;

    let mut labels = [&locale.report, &locale.generated_at, &locale.generated_by]
        .iter()
        .map(|l| width(l))
        .fold(0.0, f64::max);
    let mut values = width(cover.generated_by).max(width(&locale.date_time_format));
    if !cover.filters.is_empty() {
        ws.write_string_with_format(6, 0, &locale.filters, &label)?;
        for (i, filter) in cover.filters.iter().enumerate() {
            let row = 7 + i as u32;
            ws.write_string(row, 0, &filter.label)?;
            ws.write_string(row, 1, &filter.value)?;
            labels = labels.max(width(&filter.label));
            values = values.max(width(&filter.value));
        }
    }
    // The title stands alone on the first row and may run across; in the "Report" row it
    // should not widen the column past reason.
    values = values.max(width(cover.title).min(40.0));
    ws.set_column_width(0, labels.min(40.0) + 2.0)?;
    ws.set_column_width(1, values.min(60.0) + 2.0)?;
    ws.set_column_width(2, width(&zone) + 2.0)?;
    Ok(())
}

fn width(text: &str) -> f64 {
    text.chars().count() as f64 * 1.1
}
