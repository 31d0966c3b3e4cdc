//! Importing companies, contacts or deals from a file (`voronka_import` reads it): the rows are
//! checked, matched against the base and each other by rule 6, given their owners, and written
//! in one transaction with one audit entry for the import, or not at all. A dry run does all of
//! it and rolls back, so its totals are what the import would give.

use super::import_writer::ImportWriter;
use crate::Store;
use serde::{Deserialize, Serialize};
use std::ops::ControlFlow;
use std::path::Path;
use voronka_core::{Error, ErrorCode, Id, Result};
use voronka_import::refused::RefusedRow;
use voronka_import::rows::{is_blank, parse_row};
use voronka_import::{Format, ImportKind, Mapping};

/// What happens to a row that duplicates a company (or contact, or open deal) of the base or an
/// earlier row of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DuplicatePolicy {
    /// Left out, counted among the duplicates.
    Skip,
    /// The existing record takes the row's non-empty fields (its owner stays).
    Update,
    /// Refused with "already exists, owned by X", into the refused rows.
    Refuse,
}

impl DuplicatePolicy {
    pub fn parse(text: &str) -> Result<DuplicatePolicy> {
        match text.trim() {
            "skip" => Ok(DuplicatePolicy::Skip),
            "update" => Ok(DuplicatePolicy::Update),
            "refuse" => Ok(DuplicatePolicy::Refuse),
            other => Err(Error::invalid(
                "duplicates",
                format!("«{other}» is not skip, update or refuse"),
            )),
        }
    }
}

/// Who owns what the import makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Owners {
    /// The user the mapping's owner column names (by e-mail or name) on each row; a row with
    /// the cell empty, or a file without the column, goes to the importing user.
    FromFile,
    /// Shared in turn among these users, row by row; a column mapped to the owner is ignored.
    Share(Vec<Id>),
}

/// One import, as the CLI or the app's wizard asks for it.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub kind: ImportKind,
    /// `column=field` choices over the suggested and remembered mapping.
    pub map: Vec<(String, String)>,
    pub duplicates: DuplicatePolicy,
    pub owners: Owners,
    pub dry_run: bool,
    /// How many of the first rows the preview shows.
    pub preview_rows: usize,
    /// Rows written per batch (one progress report each).
    pub batch_rows: usize,
}

impl ImportRequest {
    pub fn new(kind: ImportKind) -> ImportRequest {
        ImportRequest {
            kind,
            map: Vec::new(),
            duplicates: DuplicatePolicy::Skip,
            owners: Owners::FromFile,
            dry_run: false,
            preview_rows: 20,
            batch_rows: 2_000,
        }
    }
}

/// The counts of an import (or of what a dry run would import).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ImportTotals {
    /// Data rows read (blank rows are passed over).
    pub rows: usize,
    /// Rows that made a new record.
    pub new: usize,
    /// Rows that matched an existing record or an earlier row, whatever became of them.
    pub duplicates: usize,
    pub updated: usize,
    pub skipped: usize,
    /// Rows not imported: invalid, refused as duplicates, or refused by rights.
    pub refused: usize,
    /// Records made beside the rows' own: companies a contact or deal named, contacts of a
    /// company or deal.
    pub companies_made: usize,
    pub contacts_made: usize,
    pub deals_made: usize,
}

/// What became of one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    New,
    Updated,
    Skipped,
    Refused,
}

/// A row of the preview: its number, its cells, what became of it and why.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct PreviewRow {
    pub row: usize,
    pub cells: Vec<String>,
    pub status: RowStatus,
    /// Every error of a refused row (its field and message); the duplicate a skipped or
    /// updated row matched.
    pub notes: Vec<RowNote>,
}

/// One reason about a row: its code (translated by the UI), the field it concerns, and the
/// core's message with the detail (the value, the duplicate's owner).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct RowNote {
    pub code: ErrorCode,
    pub field: Option<String>,
    pub message: String,
}

impl From<&Error> for RowNote {
    fn from(e: &Error) -> RowNote {
        RowNote {
            code: e.code,
            field: e.field.clone(),
            message: e.message.clone(),
        }
    }
}

/// What an import did (or a dry run would do).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ImportReport {
    pub kind: ImportKind,
    pub format: Format,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub mapping: Mapping,
    pub dry_run: bool,
    pub totals: ImportTotals,
    pub preview: Vec<PreviewRow>,
    pub header: Vec<String>,
    pub refused: Vec<RefusedRow>,
    /// The audit entry's id (none for a dry run).
    pub import_id: Option<Id>,
}

/// Where an import stands, told after every batch.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ImportProgress {
    pub rows: usize,
    pub new: usize,
    pub duplicates: usize,
    pub refused: usize,
}

impl Store {
    /// The mapping `actor` last imported `kind` with: header → field name ("" for a column
    /// left out).
    pub async fn import_mapping(&self, actor: Id, kind: ImportKind) -> Result<Vec<(String, String)>> {
        #[derive(serde::Deserialize)]
        struct Row {
            mapping: String,
        }
        let mut tx = self.begin_read().await?;
        let rows: Vec<Row> = tx
            .fetch_all(
                "SELECT mapping FROM import_mappings WHERE user_id = $1 AND kind = $2",
                vec![actor.into(), kind.as_str().to_string().into()],
                &[],
            )
            .await?;
        tx.commit().await?;
        Ok(rows
            .first()
            .and_then(|r| serde_json::from_str(&r.mapping).ok())
            .unwrap_or_default())
    }

    /// Imports the file at `path` as `actor` (see the module's text). `progress` hears after
    /// every batch; answering `Break` cancels the import, which then writes nothing and is
    /// refused `invalid_state [import]`. A file that cannot be read, has no data rows, or
    /// passes a limit is refused on `file`; a mapping without the kind's required field on
    /// `map`; sharing among others by a manager on `share`.
    pub async fn import_file(
        &self,
        actor: Id,
        path: &Path,
        request: &ImportRequest,
        progress: &mut (dyn FnMut(ImportProgress) -> ControlFlow<()> + Send),
    ) -> Result<ImportReport> {
        let mut source = voronka_import::open(path)?;
        let remembered = self.import_mapping(actor, request.kind).await?;
        let mut mapping = Mapping::build(request.kind, &source.header, &remembered, &request.map)?;
        if matches!(request.owners, Owners::Share(_)) {
            for column in mapping.columns.iter_mut() {
                if column.field == Some(voronka_import::Field::Owner) {
                    column.field = None;
                }
            }
        }
        let mut writer = ImportWriter::begin(self, actor, request).await?;
        let mut report = ImportReport {
            kind: request.kind,
            format: source.format,
            encoding: source.encoding.map(|e| e.as_str().to_string()),
            delimiter: source
                .delimiter
                .map(|d| if d == '\t' { "tab".into() } else { d.to_string() }),
            mapping: mapping.clone(),
            dry_run: request.dry_run,
            totals: ImportTotals::default(),
            preview: Vec::new(),
            header: source.header.clone(),
            refused: Vec::new(),
            import_id: None,
        };
        {
            let mut rows = source.rows()?;
            let mut batch = Vec::with_capacity(request.batch_rows.max(1));
            loop {
                let next = rows.next_row()?;
                let end = next.is_none();
                if let Some((n, cells)) = next
                    && !is_blank(&cells)
                {
                    batch.push(parse_row(&mapping, n, cells));
                }
                if batch.len() >= request.batch_rows.max(1) || (end && !batch.is_empty()) {
                    for row in std::mem::take(&mut batch) {
                        let outcome = writer.row(&row).await?;
                        if report.preview.len() < request.preview_rows {
                            report.preview.push(PreviewRow {
                                row: row.row,
                                cells: row.cells.clone(),
                                status: outcome.status,
                                notes: outcome.notes.clone(),
                            });
                        }
                        if outcome.status == RowStatus::Refused {
                            let first = outcome.notes.first();
                            report.refused.push(RefusedRow {
                                row: row.row,
                                cells: row.cells,
                                field: first.and_then(|n| n.field.clone()),
                                reason: outcome
                                    .notes
                                    .iter()
                                    .map(|n| n.message.as_str())
                                    .collect::<Vec<_>>()
                                    .join("; "),
                            });
                        }
                    }
                    writer.flush().await?;
                    let t = writer.totals;
                    let told = progress(ImportProgress {
                        rows: t.rows,
                        new: t.new,
                        duplicates: t.duplicates,
                        refused: t.refused,
                    });
                    if told.is_break() {
                        return Err(Error::new(
                            ErrorCode::InvalidState,
                            "the import was cancelled; nothing was written",
                        )
                        .on("import"));
                    }
                }
                if end {
                    break;
                }
            }
        }
        report.totals = writer.totals;
        if report.totals.rows == 0 {
            return Err(Error::invalid("file", "the file has a header and no rows to import"));
        }
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        report.import_id = writer.finish(&file, &mapping, request.dry_run).await?;
        Ok(report)
    }
}

/// Compiled, never run: the import's future crosses threads (the app runs it on its runtime).
#[cfg(test)]
#[allow(dead_code, reason = "a compile-time check only")]
fn import_is_send(store: &Store, progress: &mut (dyn FnMut(ImportProgress) -> ControlFlow<()> + Send)) {
    fn send<T: Send>(_: &T) {}
    let request = ImportRequest::new(ImportKind::Companies);
    let future = store.import_file(Id(uuid::Uuid::nil()), Path::new("x.csv"), &request, progress);
    send(&future);
}
