//! `voronka-cli report NAME`: any report as JSON or as readable tables.

use chrono::{DateTime, Utc};
use std::io::Write;
use std::sync::Arc;
use voronka_core::reports::{Cell, Report, ReportFilter, ReportName, ReportOptions, Tabular};
use voronka_core::{ManualClock, RandomIds};
use voronka_store::Store;

/// How a report leaves the program.
#[derive(Debug, Clone, Copy)]
pub enum Output {
    /// Pretty JSON with the result's own key order.
    Json,
    /// Each of the report's tables as aligned text.
    Text,
}

pub async fn run(
    store: &Store,
    name: ReportName,
    filter: &ReportFilter,
    options: &ReportOptions,
    at: Option<DateTime<Utc>>,
    output: Output,
) -> anyhow::Result<()> {
    // A fixed "now" makes a report reproducible (current spells, overdue tasks, today).
    let store = match at {
        Some(at) => store.with_ports(Arc::new(ManualClock::new(at)), Arc::new(RandomIds::new())),
        None => store.clone(),
    };
    let report = store.report(name, filter, options).await?;
    let mut out = std::io::stdout().lock();
    match output {
        Output::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?,
        Output::Text => write_text(&mut out, &report)?,
    }
    // Other formats (an XLSX workbook) take `report.tables()` from here.
    Ok(())
}

fn write_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    for table in report.tables() {
        writeln!(out, "== {} ==", table.title)?;
        let mut lines: Vec<Vec<String>> = vec![table.columns.iter().map(|c| c.title.clone()).collect()];
        lines.extend(table.rows.iter().map(|r| r.iter().map(show).collect()));
        if let Some(t) = &table.totals {
            lines.push(t.iter().map(show).collect());
        }
        let widths: Vec<usize> = (0..table.columns.len())
            .map(|i| lines.iter().map(|l| l[i].chars().count()).max().unwrap_or(0))
            .collect();
        for line in &lines {
            let cells: Vec<String> = line
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect();
            writeln!(out, "{}", cells.join("  ").trim_end())?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn show(cell: &Cell) -> String {
    match cell {
        Cell::Empty => "—".into(),
        Cell::Text(s) => s.clone(),
        Cell::Integer(i) => i.to_string(),
        Cell::Money { minor, currency } => {
            let sign = if *minor < 0 { "-" } else { "" };
            format!("{sign}{}.{:02} {currency}", minor.abs() / 100, minor.abs() % 100)
        }
        Cell::Percent(p) => format!("{p:.1} %"),
        Cell::Date(d) => d.to_string(),
        Cell::Days(d) => format!("{d:.2} d"),
        Cell::Number(n) => format!("{n:.1}"),
    }
}
