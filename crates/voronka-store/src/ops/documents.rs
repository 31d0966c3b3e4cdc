//! Documents kept with a deal or a company: files people attach and the proposals Voronka
//! makes, their bytes in the database (`document_files`), so every teammate who may see the
//! record opens the same file. Listed without their bytes; read, attached and deleted under the
//! rights of their record (`voronka_core::rights::document_right`; in team mode the policies of
//! migration 0027 say the same); each one kept is an entry on its record's timeline.

use crate::Store;
use crate::error::DbResult;
use crate::tx::Tx;
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::rights::Action;
use voronka_core::{Error, ErrorCode, Id, Result};

/// `document_files.kind` of a file a person attached.
const ATTACHMENT: &str = "attachment";

/// A record's document and, when Voronka keeps its bytes, what they are.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ListedDocument {
    pub document: Document,
    /// `proposal` for a proposal's file, `attachment` for a file a person attached; `None` for
    /// a file named only by its path on some desktop.
    pub kind: Option<String>,
    pub media_type: Option<String>,
}

/// A listed document as one row reads: the document's columns and its file's.
#[derive(Deserialize)]
struct ListedRow {
    #[serde(flatten)]
    document: Document,
    file_kind: Option<String>,
    file_media_type: Option<String>,
}

/// The bytes of a kept document, to open or save.
#[derive(Debug, Clone)]
pub struct KeptFile {
    pub name: String,
    pub media_type: String,
    pub content: Vec<u8>,
}

impl Store {
    /// Attaches a file to a deal or a company: validated before anything is written (a name,
    /// 1 byte to 25 MB), refused when the record is not the attacher's to change, then kept with
    /// its bytes, its audit entry and its timeline entry in one transaction.
    pub async fn attach_document(&self, actor: Id, input: &AttachmentInput) -> Result<Document> {
        let attachment = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        let company = match input.of {
            DocumentOf::Deal(id) => tx.require::<Deal>(id, "deal_id").await?.data.company_id,
            DocumentOf::Company(id) => Some(tx.require::<Company>(id, "company_id").await?.meta.id),
        };
        let document = tx
            .keep(attachment.data, ATTACHMENT, attachment.media_type, &input.content)
            .await?;
        let name = document.data.name.to_string();
        tx.log_document(&document, company, &name).await?;
        tx.commit().await?;
        Ok(document)
    }

    /// A record's live documents, oldest first, each with what Voronka keeps of it but not the
    /// bytes (a list of 25 MB files stays small). Only for one who may read the record:
    /// `forbidden` for a manager asking for a colleague's deal's (a company's card is the whole
    /// team's); in team mode a record the database does not show them is `invalid` on its id.
    pub async fn documents_of(&self, actor: Id, of: DocumentOf) -> Result<Vec<ListedDocument>> {
        let mut tx = self.begin_read().await?;
        tx.actor = Some(actor);
        let (column, id) = match of {
            DocumentOf::Deal(id) => {
                let deal = tx.require::<Deal>(id, "deal_id").await?;
                tx.may(&deal, Action::Read).await?;
                ("deal_id", id)
            }
            DocumentOf::Company(id) => {
                let company = tx.require::<Company>(id, "company_id").await?;
                tx.may(&company, Action::Read).await?;
                ("company_id", id)
            }
        };
        let sql = format!(
            "SELECT d.*, f.kind AS file_kind, f.media_type AS file_media_type
             FROM documents d LEFT JOIN document_files f ON f.document_id = d.id
             WHERE d.{column} = $1 AND d.deleted_at IS NULL ORDER BY d.created_at, d.id"
        );
        let rows: Vec<ListedRow> = tx.fetch_all(&sql, vec![id.into()], &[]).await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|r| ListedDocument {
                document: r.document,
                kind: r.file_kind,
                media_type: r.file_media_type,
            })
            .collect())
    }

    /// The bytes of a kept document, for one who may read its record: `forbidden` when the
    /// matrix says no; in team mode a document the database does not show them is `not_found`.
    pub async fn kept_file(&self, actor: Id, document_id: Id) -> Result<KeptFile> {
        let mut tx = self.begin_read().await?;
        tx.actor = Some(actor);
        let document: Document = tx.get(document_id).await?;
        tx.may(&document, Action::Read).await?;
        let row: Option<(String, Vec<u8>)> =
            sqlx::query_as("SELECT media_type, content FROM document_files WHERE document_id = $1")
                .bind(document_id.to_string())
                .fetch_optional(&mut *tx.tx)
                .await
                .db()?;
        tx.commit().await?;
        let (media_type, content) = row.ok_or_else(|| {
            Error::new(ErrorCode::NotFound, "Voronka keeps no file of this document").on("document_id")
        })?;
        Ok(KeptFile {
            name: document.data.name.to_string(),
            media_type,
            content,
        })
    }
}

impl Tx<'_> {
    /// A document whose bytes the database keeps, as `kind` (`proposal`, `attachment`), written
    /// by the acting user: refused before anything is written when its record is not theirs.
    pub(crate) async fn keep(
        &mut self,
        data: DocumentData,
        kind: &str,
        media_type: &str,
        content: &[u8],
    ) -> Result<Document> {
        let deal_id = data.deal_id;
        let author_id = self.actor;
        let document = self.create_from(|meta| Document { meta, data, author_id }).await?;
        sqlx::query(
            "INSERT INTO document_files (document_id, deal_id, kind, media_type, content) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(document.meta.id.to_string())
        .bind(deal_id.map(|id| id.to_string()))
        .bind(kind)
        .bind(media_type)
        .bind(content.to_vec())
        .execute(&mut *self.tx)
        .await
        .db()?;
        Ok(document)
    }

    /// The timeline entry of a document kept with a deal or a company: on the deal's and its
    /// company's timeline, or on the company's, with the document to open from it.
    pub(crate) async fn log_document(&mut self, document: &Document, company_id: Option<Id>, body: &str) -> Result<()> {
        self.add_activity(ActivityData {
            kind: ActivityKind::Document,
            deal_id: document.data.deal_id,
            company_id,
            contact_id: None,
            occurred_at: self.now,
            body: Some(body.to_string()),
            details: ActivityDetails {
                path: Some(document.data.path.clone()),
                document_id: Some(document.meta.id),
                ..Default::default()
            },
        })
        .await
        .map(drop)
    }
}
