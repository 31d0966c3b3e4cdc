use rust_xlsxwriter::{Chart, ChartDataLabel, ChartType, RowNum};

use crate::column_format::number_format;
use crate::{ChartKind, ChartSpec, Column, Locale};

const WIDTH_PX: u32 = 720;
const HEIGHT_PX: u32 = 420;

/// A native chart over the data rows `1..=last_row` of the sheet `sheet`. Validation of the
/// columns happens before any row is written (see `data_sheet::check`).
pub(crate) fn build(spec: &ChartSpec, sheet: &str, columns: &[Column], last_row: RowNum, locale: &Locale) -> Chart {
    let mut chart = Chart::new(match spec.kind {
        ChartKind::Bar | ChartKind::BarWithLine => ChartType::Column,
        ChartKind::StackedBar => ChartType::ColumnStacked,
        ChartKind::Line => ChartType::Line,
        ChartKind::Funnel => ChartType::Bar,
    });
    let mut line = Chart::new(ChartType::Line);
    let category = spec.category as u16;
    for (i, &value) in spec.values.iter().enumerate() {
        let target = if spec.kind == ChartKind::BarWithLine && i > 0 {
            &mut line
        } else {
            &mut chart
        };
        let title = &columns[value].title;
        let value = value as u16;
        let series = target.add_series();
        // The title itself rather than a reference to the header cell: a streamed sheet leaves
        // the chart no cached copy of that cell, and viewers that do not recalculate would
        // show a legend without names. A leading `=` would read as a formula, so such a title
        // stays a reference.
        if title.starts_with('=') {
            series.set_name((sheet, 0, value));
        } else {
            series.set_name(title);
        }
        series
            .set_categories((sheet, 1, category, last_row, category))
            .set_values((sheet, 1, value, last_row, value));
        match spec.kind {
            ChartKind::BarWithLine if i > 0 => {
                series.set_secondary_axis(true);
            }
            ChartKind::Funnel => {
                series.set_gap(10).set_data_label(ChartDataLabel::new().show_value());
            }
            _ => {}
        }
    }
    chart.title().set_name(&spec.title);
    if let Some(first) = spec.values.first()
        && let Some(format) = number_format(&columns[*first].kind, locale)
    {
        chart.y_axis().set_num_format(format);
    }
    match spec.kind {
        ChartKind::Funnel => {
            // Excel draws a bar chart's first category at the bottom; a funnel starts at the top.
            chart.x_axis().set_reverse();
            chart.y_axis().set_hidden(true);
            if spec.values.len() == 1 {
                chart.legend().set_hidden();
            }
        }
        ChartKind::BarWithLine if spec.values.len() > 1 => {
            if let Some(format) = number_format(&columns[spec.values[1]].kind, locale) {
                line.y2_axis().set_num_format(format);
            }
            chart.combine(&line);
        }
        _ => {}
    }
    chart.set_width(WIDTH_PX).set_height(HEIGHT_PX);
    chart
}
