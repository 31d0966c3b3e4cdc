//! What the import wizard shows before anything is checked against the base: the file's
//! format, header and first rows, the mapping the person starts from (suggested from the
//! header, the last import's of the kind over it), and the fields the kind offers.

use crate::Store;
use serde::Serialize;
use std::path::Path;
use voronka_core::{Id, Result};
use voronka_import::{Field, ImportKind, Inspection, Mapping};

/// A file as the wizard's mapping step shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ImportInspection {
    pub file: Inspection,
    /// Each column with the field suggested or remembered for it; a column may be unmapped,
    /// even the required field's: the person maps it before the preview.
    pub mapping: Mapping,
    /// The fields a column may fill for the kind, the required one first.
    pub fields: Vec<Field>,
    /// The field without which a row is refused.
    pub required: Field,
}

impl Store {
    /// Reads the header and up to `rows` first rows of `path` and the mapping `actor` would
    /// import it with. A file that cannot be read, is empty or passes a limit is refused on
    /// `file`; nothing is written.
    pub async fn import_inspect(
        &self,
        actor: Id,
        path: &Path,
        kind: ImportKind,
        rows: usize,
    ) -> Result<ImportInspection> {
        let file = voronka_import::inspect(path, rows)?;
        let remembered = self.import_mapping(actor, kind).await?;
        let mapping = Mapping::suggested(kind, &file.header, &remembered);
        Ok(ImportInspection {
            file,
            mapping,
            fields: kind.fields().to_vec(),
            required: kind.required(),
        })
    }
}
