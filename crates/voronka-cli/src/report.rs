//! `voronka-cli report NAME`: any report as JSON or as readable tables.

use anyhow::Context;
use chrono::{DateTime, Utc};
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use voronka_core::reports::{Cell, Report, ReportExport, ReportFilter, ReportName, ReportOptions, Tabular};
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
    output: Option<Output>,
    xlsx: Option<&Path>,
) -> anyhow::Result<()> {
    // A fixed "now" makes a report reproducible (current spells, overdue tasks, today).
    let store = match at {
        Some(at) => store.with_ports(Arc::new(ManualClock::new(at)), Arc::new(RandomIds::new())),
        None => store.clone(),
    };
    if let Some(output) = output {
        let report = store.report(name, filter, options).await?;
        let mut out = std::io::stdout().lock();
        match output {
            Output::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?,
            Output::Text => write_text(&mut out, &report)?,
        }
    }
    if let Some(path) = xlsx {
        // Read again as an export: ABC/XYZ's clients then stream from the database into the
        // file instead of being held whole.
        let export = store.report_export(name, filter, options).await?;
        let (filter, at, target) = (filter.clone(), store.clock().now(), path.to_path_buf());
        // Pulling the streamed rows waits for the database: off the async threads.
        let rows = tokio::task::spawn_blocking(move || workbook(export, &filter, at).save(&target))
            .await?
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {} ({rows} rows)", path.display());
    }
    Ok(())
}

/// The report as a workbook made by whoever runs the command, at the store's "now", in UTC.
fn workbook(report: ReportExport, filter: &ReportFilter, at: DateTime<Utc>) -> voronka_xlsx::Workbook<'static> {
    let by = ["USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "voronka-cli".into());
    let made = voronka_xlsx::Authorship {
        at: at.fixed_offset(),
        time_zone: "UTC".into(),
        by,
        locale: voronka_xlsx::Locale::en(),
    };
    let id = |id: Option<voronka_core::Id>| id.map(|i| i.to_string());
    voronka_xlsx::report_workbook(report, filter, id(filter.pipeline_id), id(filter.manager_id), made)
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
