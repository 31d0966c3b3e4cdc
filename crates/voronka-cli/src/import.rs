//! `import`: companies, contacts or deals from a spreadsheet or CSV, as the app's wizard does
//! it: the mapping used, the totals, the first rows' outcomes, and the refused rows to a
//! workbook. Run as one's own login on a team database; on a local file as its admin.

use crate::plan::{acting_user, find_by_email};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use voronka_core::Error;
use voronka_import::ImportKind;
use voronka_store::{DuplicatePolicy, ImportReport, ImportRequest, Owners, RowStatus, Store};

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The file: .xlsx, .xls, .ods or .csv (told by its content, whatever its name).
    file: PathBuf,
    /// What the rows are: companies, contacts or deals.
    #[arg(long)]
    kind: String,
    /// Column choices over the suggested mapping: "Column=field,…" (a column by its header or
    /// its letter; `-` leaves it out). Fields: name, legal_id, industry, city, address,
    /// website, phone, mobile_phone, email, employee_count, monthly_turnover, lead_source,
    /// notes, owner, contact_name, position, contact_phone, contact_email, birthday, title,
    /// amount, currency, stage, expected_close_date, planned_payment_date.
    #[arg(long)]
    map: Option<String>,
    /// A row that duplicates a record (rule 6): skip, update or refuse.
    #[arg(long, default_value = "skip")]
    duplicates: String,
    /// The column naming each row's owner (a teammate's e-mail or name).
    #[arg(long)]
    owner_column: Option<String>,
    /// Share the rows in turn among these teammates (e-mails, comma-separated).
    #[arg(long)]
    share: Option<String>,
    /// Check everything and print the totals, writing nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write the refused rows with a reason column to this .xlsx file.
    #[arg(long)]
    refused: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Print a line on standard error after every batch.
    #[arg(long)]
    progress: bool,
}

pub async fn run(url: &str, args: ImportArgs) -> anyhow::Result<()> {
    let kind = ImportKind::parse(&args.kind)?;
    let mut request = ImportRequest::new(kind);
    request.duplicates = DuplicatePolicy::parse(&args.duplicates)?;
    request.dry_run = args.dry_run;
    if let Some(spec) = &args.map {
        request.map = voronka_import::mapping::parse_spec(spec)?;
    }
    let store = Store::open(url).await?;
    let actor = acting_user(&store).await?;
    match (&args.owner_column, &args.share) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid("share", "choose --owner-column or --share, not both").into());
        }
        (Some(column), None) => request.map.push((column.clone(), "owner".into())),
        (None, Some(emails)) => {
            let mut ids = Vec::new();
            for email in emails.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                let user = find_by_email(&store, email)
                    .await
                    .map_err(|e| match e.downcast::<Error>() {
                        Ok(err) => anyhow::Error::from(err.on("share")),
                        Err(other) => other,
                    })?;
                ids.push(user.meta.id);
            }
            request.owners = Owners::Share(ids);
        }
        (None, None) => {}
    }
    let show_progress = args.progress;
    let mut progress = move |p: voronka_store::ImportProgress| {
        if show_progress {
            eprintln!(
                "{} rows: {} new, {} duplicates, {} refused",
                p.rows, p.new, p.duplicates, p.refused
            );
        }
        ControlFlow::Continue(())
    };
    let report = store
        .import_file(actor.meta.id, &args.file, &request, &mut progress)
        .await;
    store.close().await;
    let report = report?;
    if let Some(path) = &args.refused {
        voronka_import::refused::write(path, &report.header, &Default::default(), &report.refused)?;
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_text(&mut out, &report, &args)?;
    }
    Ok(())
}

fn print_text(out: &mut impl Write, r: &ImportReport, args: &ImportArgs) -> std::io::Result<()> {
    let mut source = r.format.as_str().to_string();
    if let Some(e) = &r.encoding {
        source.push_str(&format!(", {e}"));
    }
    if let Some(d) = &r.delimiter {
        source.push_str(&format!(", delimiter {d}"));
    }
    writeln!(out, "{} from {} ({source})", r.kind.as_str(), args.file.display())?;
    let mapped: Vec<String> = r
        .mapping
        .columns
        .iter()
        .map(|c| format!("{} → {}", c.column, c.field.map(|f| f.as_str()).unwrap_or("-")))
        .collect();
    writeln!(out, "mapping: {}", mapped.join(", "))?;
    let t = &r.totals;
    writeln!(
        out,
        "rows {}: new {}, duplicates {} (updated {}, skipped {}), refused {}",
        t.rows, t.new, t.duplicates, t.updated, t.skipped, t.refused
    )?;
    if t.companies_made + t.contacts_made + t.deals_made > 0 {
        writeln!(
            out,
            "made: {} companies, {} contacts, {} deals",
            t.companies_made, t.contacts_made, t.deals_made
        )?;
    }
    for row in &r.preview {
        let status = match row.status {
            RowStatus::New => "new",
            RowStatus::Updated => "updated",
            RowStatus::Skipped => "skipped",
            RowStatus::Refused => "refused",
        };
        let notes: Vec<String> = row
            .notes
            .iter()
            .map(|n| match &n.field {
                Some(f) => format!("{f}: {}", n.message),
                None => n.message.clone(),
            })
            .collect();
        writeln!(out, "  row {:>5}  {status:<8} {}", row.row, notes.join("; "))?;
    }
    match r.import_id {
        Some(id) => writeln!(out, "imported: audit entry {id}")?,
        None => writeln!(out, "dry run: nothing was written")?,
    }
    if let Some(path) = &args.refused {
        writeln!(out, "refused rows: {} ({} rows)", path.display(), r.refused.len())?;
    }
    Ok(())
}
