//! A Voronka report as a workbook: each of its tables becomes a sheet, its totals become
//! formulas where the report's total is that column's sum, and the reports that have a chart on
//! screen get the native chart that fits.

use crate::{Cell, ChartKind, ChartSpec, Column, ColumnKind, Currency, SheetData, Total};
use std::cell::RefCell;
use std::rc::Rc;
use voronka_core::reports::{self as r, Report, ReportExport, ReportName, ReportTable, Tabular};

/// The sheets of `report`, in the order its tables come, plus a chart sheet where one fits.
pub fn report_sheets(report: &Report) -> Vec<SheetData<'static>> {
    let mut sheets: Vec<SheetData<'static>> = report.tables().into_iter().map(table_sheet).collect();
    if let Report::Funnel(f) = report {
        sheets.insert(0, team_funnel_sheet(f));
    }
    with_charts(report.name(), sheets)
}

/// The sheets of a report on its way into a file: the rows of ABC/XYZ's clients and of the
/// payment plan are written as they are read (ABC/XYZ's matrix, added up as its clients pass,
/// follows them).
pub fn export_sheets(export: ReportExport) -> Vec<SheetData<'static>> {
    match export {
        ReportExport::Whole(report) => report_sheets(&report),
        ReportExport::AbcXyz(ranked) => abc_xyz_sheets(ranked),
        ReportExport::PaymentPlan(week) => vec![payment_plan_sheet(week)],
    }
}

fn abc_xyz_sheets(ranked: r::RankedClients) -> Vec<SheetData<'static>> {
    let currency = Currency::parse(&ranked.currency).unwrap_or_default();
    let table = r::AbcXyz::companies_table(&ranked.months);
    let columns: Vec<Column> = table.columns.iter().map(|c| column(c, currency.clone())).collect();
    // Written in order, the clients' sheet is read whole before the matrix sheet is begun.
    let tally = Rc::new(RefCell::new(r::AbcXyzTally::default()));
    let adding = Rc::clone(&tally);
    let code = ranked.currency.clone();
    let clients = ranked.companies.map(move |client| {
        client.map(|client| {
            adding.borrow_mut().add(&client);
            r::AbcXyz::company_cells(&client, &code).iter().map(cell).collect()
        })
    });
    let clients =
        SheetData::from_results(table.title, columns, clients).with_totals(vec![Total::sum(r::AbcXyz::REVENUE_COLUMN)]);
    let empty = r::AbcXyz::matrix_table(&[], &ranked.currency);
    let matrix_columns = empty.columns.iter().map(|c| column(c, currency.clone())).collect();
    let code = ranked.currency;
    // The matrix's rows are made when the writer first asks for one: after the last client.
    let rows = std::iter::once(()).flat_map(move |()| {
        let matrix = r::AbcXyz::matrix_table(&tally.borrow().cells(), &code);
        matrix
            .rows
            .into_iter()
            .map(|row| row.iter().map(cell).collect::<Vec<Cell>>())
    });
    let matrix = SheetData::new(empty.title, matrix_columns, rows);
    with_charts(ReportName::AbcXyz, vec![clients, matrix])
}

fn payment_plan_sheet(week: r::PlannedWeek) -> SheetData<'static> {
    let mut payments = week.payments.peekable();
    // The money columns show the payments' currency, as the whole report's do: the first
    // payment's, read before the sheet is begun.
    let currency = match payments.peek() {
        Some(Ok(first)) => Currency::parse(&first.currency).unwrap_or_default(),
        _ => Currency::default(),
    };
    let table = r::PaymentPlan::payments_table(week.week_start, week.week_end);
    let columns = table.columns.iter().map(|c| column(c, currency.clone())).collect();
    let rows = payments.map(|payment| payment.map(|p| r::PaymentPlan::payment_cells(&p).iter().map(cell).collect()));
    SheetData::from_results(table.title, columns, rows)
        .with_totals(r::PaymentPlan::SUMMED_COLUMNS.iter().map(|&c| Total::sum(c)).collect())
}

fn with_charts(report: ReportName, mut sheets: Vec<SheetData<'static>>) -> Vec<SheetData<'static>> {
    for sheet in &mut sheets {
        if sheet.chart.is_none() {
            sheet.chart = chart_for(report, &sheet.name, &sheet.columns);
        }
    }
    sheets
}

fn currency_of(table: &ReportTable) -> Currency {
    let code = table.rows.iter().flatten().find_map(|c| match c {
        r::Cell::Money { currency, .. } => Some(currency.clone()),
        _ => None,
    });
    code.and_then(|c| Currency::parse(&c).ok()).unwrap_or_default()
}

pub(crate) fn column(c: &r::Column, currency: Currency) -> Column {
    let kind = match c.kind {
        r::ColumnKind::Text => ColumnKind::Text,
        r::ColumnKind::Integer => ColumnKind::Integer,
        r::ColumnKind::Money => ColumnKind::Money { currency },
        r::ColumnKind::Percent => ColumnKind::Percent,
        r::ColumnKind::Date => ColumnKind::Date,
        r::ColumnKind::Days => ColumnKind::Number { decimals: 1 },
        r::ColumnKind::Number => ColumnKind::Number { decimals: 1 },
    };
    Column::new(c.title.clone(), kind)
}

pub(crate) fn cell(c: &r::Cell) -> Cell {
    match c {
        r::Cell::Empty => Cell::Empty,
        r::Cell::Text(s) => Cell::Text(s.clone()),
        r::Cell::Integer(i) => Cell::Int(*i),
        r::Cell::Money { minor, .. } => Cell::Money(*minor),
        // Reports count percent as 64.0; a spreadsheet's percent format wants 0.64.
        r::Cell::Percent(p) => Cell::Percent(p / 100.0),
        r::Cell::Date(d) => Cell::Date(*d),
        r::Cell::Days(d) | r::Cell::Number(d) => Cell::Number(*d),
    }
}

fn numeric(c: &r::Cell) -> Option<i64> {
    match c {
        r::Cell::Integer(i) => Some(*i),
        r::Cell::Money { minor, .. } => Some(*minor),
        _ => None,
    }
}

/// A report's totals row becomes `SUM` formulas only in the columns where its total is the sum
/// of the column: a total conversion or a mean is not, and a formula must not say otherwise.
fn sum_totals(table: &ReportTable) -> Vec<Total> {
    let Some(totals) = &table.totals else { return Vec::new() };
    totals
        .iter()
        .enumerate()
        .filter_map(|(i, total)| {
            let total = numeric(total)?;
            let sum: Option<i64> = table
                .rows
                .iter()
                .map(|row| row.get(i).and_then(numeric).or(Some(0)))
                .sum();
            (sum == Some(total)).then_some(Total::sum(i))
        })
        .collect()
}

fn table_sheet(table: ReportTable) -> SheetData<'static> {
    let currency = currency_of(&table);
    let columns = table.columns.iter().map(|c| column(c, currency.clone())).collect();
    let totals = sum_totals(&table);
    // Each row becomes the writer's cells as the writer pulls it, and is dropped once written:
    // the table's rows are not copied whole a second time.
    let rows = table.rows.into_iter().map(|row| row.iter().map(cell).collect());
    SheetData::new(table.title, columns, rows).with_totals(totals)
}

/// The funnel chart reads one column of stages: the team's, on a sheet of its own.
fn team_funnel_sheet(f: &r::Funnel) -> SheetData<'static> {
    let rows: Vec<Vec<Cell>> = f
        .stages
        .iter()
        .zip(&f.team.stages)
        .map(|(stage, step)| vec![Cell::Text(stage.name.clone()), Cell::Int(step.reached)])
        .collect();
    SheetData::new("Funnel", vec![Column::text("Stage"), Column::integer("Reached")], rows).with_chart(ChartSpec {
        kind: ChartKind::Funnel,
        title: "Funnel".into(),
        category: 0,
        values: vec![1],
    })
}

/// The chart a screen shows for this table, on the same columns, where one fits.
fn chart_for(report: ReportName, sheet: &str, columns: &[Column]) -> Option<ChartSpec> {
    let at = |title: &str| columns.iter().position(|c| c.title == title);
    let (kind, category, values): (ChartKind, usize, Vec<usize>) = match report {
        ReportName::Dashboard => (
            ChartKind::Bar,
            at("Manager")?,
            vec![at("Plan")?, at("Fact (received)")?, at("Expected to date")?],
        ),
        ReportName::LossReasons if at("Reason").is_some() => (ChartKind::Bar, at("Reason")?, vec![at("Deals")?]),
        ReportName::AbcXyz if at("Class").is_some() => (ChartKind::Bar, at("Class")?, vec![at("Revenue")?]),
        _ => return None,
    };
    Some(ChartSpec {
        kind,
        title: sheet.to_string(),
        category,
        values,
    })
}

/// Who made a workbook, when, and in which zone and language.
#[derive(Debug, Clone)]
pub struct Authorship {
    pub at: chrono::DateTime<chrono::FixedOffset>,
    pub time_zone: String,
    pub by: String,
    pub locale: crate::Locale,
}

impl Authorship {
    /// Made by `user` at `now`, in their time zone and language (Kyiv's zone when theirs is not
    /// known here).
    pub fn by(user: &voronka_core::model::User, now: chrono::DateTime<chrono::Utc>) -> Authorship {
        let zone = voronka_core::agenda::zone(&user.data.time_zone);
        Authorship {
            at: now.with_timezone(&zone).fixed_offset(),
            time_zone: zone.name().to_string(),
            by: user.data.name.as_str().to_string(),
            locale: crate::Locale::of(user.data.language),
        }
    }
}

/// A report as a whole workbook: the cover names it, its period and the pipeline and manager it
/// was narrowed to (by name, as the person chose them), then its sheets.
pub fn report_workbook(
    report: ReportExport,
    filter: &r::ReportFilter,
    pipeline: Option<String>,
    manager: Option<String>,
    made: Authorship,
) -> crate::Workbook<'static> {
    let mut filters = vec![
        crate::Filter::new("From", filter.from.to_string()),
        crate::Filter::new("To", filter.to.to_string()),
    ];
    filters.extend(pipeline.map(|p| crate::Filter::new("Pipeline", p)));
    filters.extend(manager.map(|m| crate::Filter::new("Manager", m)));
    crate::Workbook {
        title: report.name().title().to_string(),
        filters,
        generated_at: made.at,
        time_zone: made.time_zone,
        generated_by: made.by,
        sheets: export_sheets(report),
        locale: made.locale,
    }
}
