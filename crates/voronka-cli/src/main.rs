//! `voronka-cli`: the store from a terminal — migrate, demo data, search, export, benchmark.

mod backup;
mod bench;
mod bench_notify;
mod handover;
mod import;
mod list_export;
mod plan;
mod proposal;
mod report;
mod rotate;
mod team;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use voronka_core::{Clock, ManualClock, SeededIds, SystemClock};
use voronka_store::{Page, Store};

#[derive(Parser, Debug)]
#[command(name = "voronka-cli", version, about = "Voronka CRM from the command line")]
struct Cli {
    /// Database: sqlite:PATH or postgres://user@host:port/db. Default: the desktop app's local
    /// file in the OS data folder.
    #[arg(long, global = true, env = "VORONKA_DB")]
    db: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Creates or updates the database schema.
    Migrate,
    /// Loads a reproducible demo sales team into an empty database.
    Demo {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Number of deals (10 to 1,000,000); everything else grows with it.
        #[arg(long, default_value_t = 2_000)]
        scale: u64,
        /// The day the data ends on (YYYY-MM-DD, UTC); default: today.
        #[arg(long)]
        today: Option<NaiveDate>,
        /// Print a line on standard error after every batch loaded (the team, then companies
        /// and deals 5,000 at a time), at any scale; without it only loads of 20,000 deals and
        /// more show a progress meter.
        #[arg(long)]
        progress: bool,
    },
    /// Quick search over companies, contacts and deals.
    Search {
        text: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Every table as one JSON object: table name → rows, streamed from one snapshot.
    ExportJson {
        /// Write here instead of standard output: the file appears complete or not at all.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// A list (companies, contacts, deals, tasks) as an XLSX workbook, every column or those
    /// given, with the records the signed-in teammate may export.
    ExportList {
        list: voronka_core::lists::ListName,
        #[arg(long)]
        out: std::path::PathBuf,
        /// Comma-separated column keys (default: all of the list's).
        #[arg(long)]
        columns: Option<String>,
    },
    /// A report as JSON or readable tables: dashboard, payment-plan, funnel, time-in-stage,
    /// discipline, loss-reasons, lead-response, new-vs-existing, abc-xyz, activity.
    Report {
        name: voronka_core::reports::ReportName,
        /// First day of the period (YYYY-MM-DD); default: the first day of this month.
        #[arg(long)]
        from: Option<NaiveDate>,
        /// Last day of the period, included; default: today.
        #[arg(long)]
        to: Option<NaiveDate>,
        #[arg(long)]
        pipeline: Option<voronka_core::Id>,
        #[arg(long)]
        manager: Option<voronka_core::Id>,
        /// Days in one stage after which an open deal is stuck (time-in-stage); default: the
        /// department's process settings (14 until changed).
        #[arg(long)]
        stuck_days: Option<i64>,
        /// Days without a call, email or meeting after which a company is idle (activity);
        /// default: the department's process settings (30 until changed).
        #[arg(long)]
        idle_days: Option<i64>,
        /// The instant counted as now (RFC 3339); default: the system clock.
        #[arg(long)]
        at: Option<chrono::DateTime<chrono::Utc>>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
        /// Also write the report as a formatted Excel workbook to this file.
        #[arg(long)]
        xlsx: Option<std::path::PathBuf>,
    },
    /// Makes the deal's commercial proposal (PDF and XLSX) on the department's template and keeps
    /// both with the deal, listed on its card and logged on its timeline, as the app does; also
    /// writes them to the files given. Made by the signed-in teammate, or by the deal's manager
    /// on a local file or as the schema's owner.
    Proposal {
        deal_id: voronka_core::Id,
        /// Also write the PDF here.
        #[arg(long)]
        pdf: Option<std::path::PathBuf>,
        /// Also write the XLSX workbook here.
        #[arg(long)]
        xlsx: Option<std::path::PathBuf>,
    },
    /// Monthly plans: `plan set`.
    Plan {
        #[command(subcommand)]
        action: plan::PlanCommand,
    },
    /// Rule 7: hands a leaving or idle manager's companies, contacts, open deals and open tasks
    /// to another (or shares them in turn among several), printing what moves.
    Handover {
        /// The manager handing over, by e-mail.
        #[arg(long)]
        from: String,
        /// Who receives, by e-mail; several, comma-separated, share the records in turn.
        #[arg(long)]
        to: String,
        /// Print what would move without moving it.
        #[arg(long)]
        dry_run: bool,
        /// Also deactivate the manager handing over, in the same transaction.
        #[arg(long)]
        deactivate: bool,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Rule 1: every lead whose first contact is overdue passes to the next manager of the
    /// rotation (as the head's desktop does each minute), printing what passed to whom.
    RotateLeads {
        /// The instant counted as now (RFC 3339); default: the system clock.
        #[arg(long)]
        at: Option<chrono::DateTime<chrono::Utc>>,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// A consistent copy of the local database, taken even while the app has it open, into the
    /// backups folder beside it (the seven newest are kept); prints the copy's path.
    Backup {
        /// Another folder to write the copy to.
        #[arg(long)]
        dir: Option<std::path::PathBuf>,
    },
    /// Puts a backup in place of the local database, after checking it opens as a Voronka
    /// database; the data it replaces is backed up first. Close the app before.
    Restore { file: std::path::PathBuf },
    /// Imports companies, contacts or deals (with their company) from an XLSX, XLS, ODS or CSV
    /// file in one transaction: prints the mapping, the totals and the first rows' outcomes.
    Import(import::ImportArgs),
    /// A team database on PostgreSQL: `team init`, `team add-user`, `team move`.
    Team {
        #[command(subcommand)]
        action: team::TeamCommand,
    },
    /// Times quick search, a filtered deal list page, a company card and every report.
    Bench {
        /// Repetitions of each measured operation.
        #[arg(long, default_value_t = 200)]
        iterations: usize,
        /// Time only this report (best of `iterations`, at most 10), nothing else.
        #[arg(long)]
        report: Option<voronka_core::reports::ReportName>,
    },
    /// Times the notification tick (and shows its query plans); on PostgreSQL, with `--wins`,
    /// also the gong between two stores.
    BenchNotify {
        /// Ticks to time.
        #[arg(long, default_value_t = 500)]
        iterations: usize,
        /// The instant of the first tick (RFC 3339); default: now. Ticks follow a minute apart.
        #[arg(long)]
        at: Option<chrono::DateTime<chrono::Utc>>,
        /// Deals to win for the gong latency (PostgreSQL only; 0 skips it).
        #[arg(long, default_value_t = 0)]
        wins: usize,
        /// The database the gong is measured on (default: --db). Deals and a stage are added there.
        #[arg(long)]
        gong_db: Option<String>,
    },
}

/// A report allocates and frees tens of megabytes of rows each time it runs; glibc's allocator
/// handed them back to the system between runs, and each run paid again for mapping the pages in
/// (ABC/XYZ over half a year: 1.33–1.41 × its bare SQL with it, 1.2 with this one).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            match e.downcast_ref::<voronka_core::Error>() {
                Some(err) => eprintln!(
                    "error: {} [{}]: {}",
                    err.code,
                    err.field.as_deref().unwrap_or("-"),
                    err.message
                ),
                None => eprintln!("error: {e:#}"),
            }
            ExitCode::from(2)
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let url = match cli.db {
        Some(url) => url,
        None => voronka_store::default_database_url()?,
    };
    match cli.command {
        Command::Team { action } => team::run(&url, action).await?,
        Command::Plan { action } => plan::run(&url, action).await?,
        Command::Import(args) => import::run(&url, args).await?,
        Command::Handover {
            from,
            to,
            dry_run,
            deactivate,
            json,
        } => {
            let args = handover::HandoverArgs {
                from,
                to,
                dry_run,
                deactivate,
                json,
            };
            handover::run(&url, args).await?
        }
        Command::Backup { dir } => backup::back_up(&url, dir.as_deref()).await?,
        Command::Restore { file } => backup::restore(&url, &file).await?,
        Command::RotateLeads { at, json } => rotate::run(&url, at, json).await?,
        Command::Demo {
            seed,
            scale,
            today,
            progress,
        } => demo(&url, seed, scale, today, progress).await?,
        Command::BenchNotify {
            iterations,
            at,
            wins,
            gong_db,
        } => {
            if iterations > 0 {
                bench_notify::ticks(&url, at.unwrap_or_else(|| SystemClock.now()), iterations).await?;
            }
            if wins > 0 {
                bench_notify::gong(gong_db.as_deref().unwrap_or(&url), wins).await?;
            }
        }
        other => on_store(&url, other).await?,
    }
    Ok(())
}

/// Streams the export into `path`: written beside it as `path.part` and renamed into place once
/// complete and on disk, so a full disk or a failure mid-way leaves neither a cut-off file nor the
/// part behind (a sibling, so the rename stays on one file system).
async fn export_json_file(store: &Store, path: &std::path::Path) -> anyhow::Result<()> {
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    let part = std::path::PathBuf::from(part);
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    if folder.is_some_and(|f| !f.is_dir()) {
        return Err(voronka_core::Error::new(
            voronka_core::ErrorCode::FolderMissing,
            format!("the folder of {} does not exist", path.display()),
        )
        .on("out")
        .into());
    }
    let written = async {
        let file = std::fs::File::create(&part).with_context(|| format!("creating {}", part.display()))?;
        let mut out = std::io::BufWriter::new(file);
        store.export_json(&mut out).await?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        // On disk before the rename, or a crash right after it could leave an empty file there.
        file.sync_all()?;
        std::fs::rename(&part, path).with_context(|| format!("renaming {} to {}", part.display(), path.display()))?;
        anyhow::Ok(())
    }
    .await;
    if written.is_err() {
        // Best effort: the error that matters is the one being returned.
        let _ = std::fs::remove_file(&part);
    }
    written.with_context(|| format!("exporting to {}", path.display()))
}

/// The commands that read or write through one store: it is closed when they end, also after
/// a failure, so that SQLite folds its write-ahead log back into the file.
async fn on_store(url: &str, command: Command) -> anyhow::Result<()> {
    let store = Store::open(url).await?;
    let done = with_store(url, &store, command).await;
    store.close().await;
    done
}

async fn with_store(url: &str, store: &Store, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Proposal { deal_id, pdf, xlsx } => {
            proposal::run(store, deal_id, pdf.as_deref(), xlsx.as_deref()).await?;
        }
        Command::Migrate => {
            println!(
                "{} is at schema version {}",
                voronka_store::redact(url),
                store.schema_version().await?
            );
        }
        Command::Search { text, limit } => {
            let hits = store.search(&text, Page::first(limit)).await?;
            let mut out = std::io::stdout().lock();
            for hit in &hits.items {
                writeln!(
                    out,
                    "{:<8} {}  {}  {}",
                    hit.kind,
                    hit.title,
                    hit.subtitle.as_deref().unwrap_or(""),
                    hit.id
                )?;
            }
            if hits.items.is_empty() {
                eprintln!("nothing found for «{text}»");
            } else if hits.more {
                eprintln!("showing the first {}; more match", hits.items.len());
            }
        }
        Command::ExportJson { out } => {
            match out {
                Some(path) => export_json_file(store, &path).await?,
                None => {
                    // `Stdout` rather than its lock, which may not cross the runtime's threads.
                    let mut stdout = std::io::BufWriter::new(std::io::stdout());
                    store.export_json(&mut stdout).await?;
                    writeln!(stdout)?;
                    stdout.flush()?;
                }
            }
        }
        Command::Report {
            name,
            from,
            to,
            pipeline,
            manager,
            stuck_days,
            idle_days,
            at,
            json,
            xlsx,
        } => {
            let today = at.unwrap_or_else(|| SystemClock.now()).date_naive();
            let filter = voronka_core::reports::ReportFilter {
                from: from.unwrap_or_else(|| voronka_core::reports::month_start(today)),
                to: to.unwrap_or(today),
                pipeline_id: pipeline,
                manager_id: manager,
            };
            let options = voronka_core::reports::ReportOptions {
                stuck_after_days: stuck_days,
                idle_after_days: idle_days,
            };
            let output = match (json, &xlsx) {
                (true, _) => Some(report::Output::Json),
                (false, None) => Some(report::Output::Text),
                // The workbook is the output; the terminal only hears where it went.
                (false, Some(_)) => None,
            };
            report::run(store, name, &filter, &options, at, output, xlsx.as_deref()).await?;
        }
        Command::Bench { iterations, report } => match report {
            Some(name) => bench::reports(store, &[name], iterations.clamp(1, 10)).await?,
            None => bench::run(store, iterations).await?,
        },
        Command::ExportList { list, out, columns } => list_export::run(store, list, columns.as_deref(), &out).await?,
        _ => unreachable!("run() gives on_store only the commands of one store"),
    }
    Ok(())
}

async fn demo(url: &str, seed: u64, scale: u64, today: Option<NaiveDate>, lines: bool) -> anyhow::Result<()> {
    let today = today.unwrap_or_else(|| SystemClock.now().date_naive());
    let start = today.and_hms_opt(0, 0, 0).context("start of day")?.and_utc();
    // A fixed clock and seeded ids make the whole load, audit entries included, reproducible.
    let store = Store::open_with(url, Arc::new(ManualClock::new(start)), Arc::new(SeededIds::new(seed))).await?;
    let options = voronka_demo::DemoOptions { seed, scale, today };
    let show = scale >= 20_000 && !lines;
    let mut last_shown = 0u64;
    let mut progress = |done: u64, total: u64| {
        if lines {
            eprintln!("demo: {done} of {total} deals");
        } else if show && (done == total || done - last_shown >= total / 100) {
            last_shown = done;
            eprint!("\rdemo: {done} of {total} deals ({}%)", done * 100 / total.max(1));
        }
    };
    let summary = voronka_demo::load(&store, &options, &mut progress).await;
    store.close().await;
    let summary = summary?;
    if show {
        eprintln!();
    }
    println!(
        "demo data (seed {seed}, {today}): {} users, {} companies, {} contacts, {} deals, {} tasks, {} payments, {} activities",
        summary.users,
        summary.companies,
        summary.contacts,
        summary.deals,
        summary.tasks,
        summary.payments,
        summary.activities
    );
    Ok(())
}
