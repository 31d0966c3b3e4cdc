//! Documents: files kept with a deal or a company. A proposal Voronka makes and a file a person
//! attaches are both kept in the database, so every teammate who may see the record opens the
//! same bytes, in team mode too; a file named by a path on one desktop only names it.

use super::{Meta, fields::*, record};
use crate::types::ShortText;
use crate::{Error, ErrorCode, Id, Result};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest file Voronka keeps: 25 MiB. The bytes live in the database, which every
/// teammate's desktop reads over the network in team mode and every backup copies; a scan of a
/// signed contract or a price list fits, a video does not.
pub const DOCUMENT_MAX_BYTES: u64 = 25 * 1024 * 1024;

/// The record a document is kept with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum DocumentOf {
    Deal(Id),
    Company(Id),
}

impl DocumentOf {
    pub fn deal_id(self) -> Option<Id> {
        match self {
            DocumentOf::Deal(id) => Some(id),
            DocumentOf::Company(_) => None,
        }
    }

    pub fn company_id(self) -> Option<Id> {
        match self {
            DocumentOf::Company(id) => Some(id),
            DocumentOf::Deal(_) => None,
        }
    }
}

/// A document: its name, where it came from and its size. Exactly one of `deal_id` and
/// `company_id` is set (the databases refuse anything else).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DocumentData {
    pub deal_id: Option<Id>,
    pub company_id: Option<Id>,
    pub name: ShortText,
    /// Where the file was: a path on the desktop that named it, or, for a file kept in the
    /// database, its file name (the attacher's folders mean nothing to a teammate).
    pub path: String,
    pub size_bytes: Option<i64>,
}

impl DocumentData {
    /// The record it is kept with; `None` only for a row the databases' check would refuse.
    pub fn of(&self) -> Option<DocumentOf> {
        match (self.deal_id, self.company_id) {
            (Some(deal), None) => Some(DocumentOf::Deal(deal)),
            (None, Some(company)) => Some(DocumentOf::Company(company)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Document {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: DocumentData,
    /// Who attached or made it; empty for documents kept before this was recorded.
    #[serde(default)]
    pub author_id: Option<Id>,
}
record!(Document, DocumentData, "document");

/// A file named by its path on a deal (a link, not a copy).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DocumentInput {
    pub deal_id: Id,
    pub name: Option<String>,
    pub path: String,
    pub size_bytes: Option<i64>,
}

impl DocumentInput {
    pub fn validate(&self) -> Result<DocumentData> {
        let path = opt_text(Some(&self.path), "path", 4_000)?
            .ok_or_else(|| crate::Error::invalid("path", "a document needs a file"))?;
        let file_name = file_name_of(&path).to_string();
        Ok(DocumentData {
            deal_id: Some(self.deal_id),
            company_id: None,
            name: ShortText::parse(
                self.name
                    .as_deref()
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or(&file_name),
            )?,
            path,
            size_bytes: non_negative(self.size_bytes, "size_bytes")?,
        })
    }
}

/// A file a person attaches to a record, to be kept in the database: its name (the file's own,
/// as picked) and its bytes.
#[derive(Clone)]
pub struct AttachmentInput {
    pub of: DocumentOf,
    pub name: String,
    pub content: Vec<u8>,
}

/// The bytes are left out: a refused 25 MB file must not end up in a log line.
impl fmt::Debug for AttachmentInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AttachmentInput")
            .field("of", &self.of)
            .field("name", &self.name)
            .field("bytes", &self.content.len())
            .finish()
    }
}

/// A validated attachment: the document to write and the media type its bytes are kept as.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub data: DocumentData,
    pub media_type: &'static str,
}

impl AttachmentInput {
    /// A name (the file's, without its folders) and between 1 byte and [`DOCUMENT_MAX_BYTES`].
    pub fn validate(&self) -> Result<Attachment> {
        check_file_size(self.content.len() as u64)?;
        let name = ShortText::parse(file_name_of(&self.name))?;
        Ok(Attachment {
            media_type: media_type_of(name.as_str()),
            data: DocumentData {
                deal_id: self.of.deal_id(),
                company_id: self.of.company_id(),
                path: name.to_string(),
                name,
                size_bytes: Some(self.content.len() as i64),
            },
        })
    }
}

/// A file of `len` bytes may be kept: not empty, not over [`DOCUMENT_MAX_BYTES`]. The shell asks
/// this before reading a picked file, so a huge one is refused without being read.
pub fn check_file_size(len: u64) -> Result<()> {
    if len == 0 {
        return Err(Error::new(ErrorCode::FileEmpty, "the file is empty: there is nothing to keep").on("file"));
    }
    if len > DOCUMENT_MAX_BYTES {
        const MB: f64 = 1024.0 * 1024.0;
        return Err(Error::new(
            ErrorCode::FileTooLarge,
            format!(
                "the file is {:.1} MB; Voronka keeps files up to {} MB",
                len as f64 / MB,
                DOCUMENT_MAX_BYTES / (1024 * 1024)
            ),
        )
        .on("file"));
    }
    Ok(())
}

/// The last part of a path, whichever OS wrote it.
fn file_name_of(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The media type of a file by its extension, for the OS to open it with the right program;
/// bytes of an unknown kind stay `application/octet-stream`.
pub fn media_type_of(name: &str) -> &'static str {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("pdf") => "application/pdf",
        Some("doc") => "application/msword",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("xls") => "application/vnd.ms-excel",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("odt") => "application/vnd.oasis.opendocument.text",
        Some("ods") => "application/vnd.oasis.opendocument.spreadsheet",
        Some("csv") => "text/csv",
        Some("txt") => "text/plain",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, content: Vec<u8>) -> AttachmentInput {
        AttachmentInput {
            of: DocumentOf::Company(Id(uuid::Uuid::from_u128(7))),
            name: name.into(),
            content,
        }
    }

    #[test]
    fn an_attachment_keeps_its_file_name_size_and_kind() {
        let a = input("/home/olena/Договір №17.PDF", b"%PDF-1.4".to_vec())
            .validate()
            .unwrap();
        assert_eq!(a.data.name.as_str(), "Договір №17.PDF");
        assert_eq!(a.data.path, "Договір №17.PDF", "no folder of the attacher's");
        assert_eq!((a.data.size_bytes, a.media_type), (Some(8), "application/pdf"));
        assert_eq!(a.data.of(), Some(DocumentOf::Company(Id(uuid::Uuid::from_u128(7)))));
        assert_eq!(media_type_of("scan"), "application/octet-stream");
    }

    #[test]
    fn an_empty_nameless_or_too_large_file_is_refused_on_its_field() {
        let err = input("a.txt", vec![]).validate().unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::FileEmpty, Some("file")));
        let err = input("  ", b"x".to_vec()).validate().unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Invalid, Some("name")));
        assert!(check_file_size(DOCUMENT_MAX_BYTES).is_ok(), "exactly the limit fits");
        let err = check_file_size(DOCUMENT_MAX_BYTES + 1).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::FileTooLarge, Some("file"))
        );
        assert!(err.message.contains("25 MB"), "the limit is named: {}", err.message);
    }
}
