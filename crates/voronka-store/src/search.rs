//! Quick search: any fragment of a name, phone digits, email or city finds companies, contacts
//! and deals. SQLite uses an FTS5 trigram index, PostgreSQL a pg_trgm GIN index; on both the
//! user's text only ever travels as a bound parameter, quoted for FTS5 and escaped for LIKE, so
//! no input can change the query's meaning.

use crate::error::DbResult;
use crate::row::{self, Value};
use crate::tx::Tx;
use crate::{Backend, Page, Paged, Store};
use serde::{Deserialize, Serialize};
use voronka_core::model::{Company, Contact, Deal, Record};
use voronka_core::search::{company_text, contact_text, deal_text, fold, normalise_query};
use voronka_core::{Id, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct SearchHit {
    /// "company", "contact" or "deal".
    pub kind: String,
    pub id: Id,
    pub title: String,
    /// City of a company, position of a contact, company of a deal.
    pub subtitle: Option<String>,
}

/// The FTS5 row id of a record: the 62 random bits of its UUIDv7, positive and practically
/// unique.
fn fts_rowid(id: Id) -> i64 {
    (id.0.as_u128() & 0x3FFF_FFFF_FFFF_FFFF) as i64
}

impl Tx<'_> {
    /// Writes the entry of a company, contact or deal. A deal's entry names its owner on
    /// PostgreSQL, where quick search shows a manager her own deals alone (`voronka_search`,
    /// migration 0021) by that copy instead of looking each found deal up.
    pub(crate) async fn index(&mut self, kind: &str, id: Id, body: String, owner: Option<Id>) -> Result<()> {
        match self.store.backend {
            Backend::Sqlite => {
                let rowid = fts_rowid(id);
                self.execute("DELETE FROM search_index WHERE rowid = $1", vec![rowid.into()])
                    .await?;
                self.execute(
                    "INSERT INTO search_index (rowid, kind, entity_id, body) VALUES ($1, $2, $3, $4)",
                    vec![rowid.into(), kind.into(), id.into(), body.into()],
                )
                .await?;
            }
            Backend::Postgres => {
                self.execute(
                    "INSERT INTO search_index (entity_id, kind, body, owner_id) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (entity_id) DO UPDATE SET kind = excluded.kind, body = excluded.body,
                     owner_id = excluded.owner_id",
                    vec![id.into(), kind.into(), body.into(), owner.into()],
                )
                .await?;
            }
        }
        Ok(())
    }

    /// Many entries at once, for bulk loads of new records: (kind, id, text, a deal's owner).
    pub(crate) async fn index_many(&mut self, entries: Vec<(&'static str, Id, String, Option<Id>)>) -> Result<()> {
        for chunk in entries.chunks(5_000) {
            let mut sql = match self.store.backend {
                Backend::Sqlite => String::from("INSERT INTO search_index (rowid, kind, entity_id, body) VALUES "),
                Backend::Postgres => String::from("INSERT INTO search_index (kind, entity_id, body, owner_id) VALUES "),
            };
            let mut params: Vec<Value> = Vec::with_capacity(chunk.len() * 4);
            for (i, (kind, id, body, owner)) in chunk.iter().enumerate() {
                if i > 0 {
                    sql.push_str(", ");
                }
                let marks: Vec<String> = (1..=4)
                    .map(|k| self.store.backend.placeholder(params.len() + k))
                    .collect();
                sql.push_str(&format!("({})", marks.join(", ")));
                if self.store.backend == Backend::Sqlite {
                    params.push(fts_rowid(*id).into());
                }
                params.extend([Value::from(*kind), Value::from(*id), Value::from(body.clone())]);
                if self.store.backend == Backend::Postgres {
                    params.push((*owner).into());
                }
            }
            self.execute(&sql, params).await?;
        }
        Ok(())
    }

    pub(crate) async fn unindex(&mut self, id: Id) -> Result<()> {
        match self.store.backend {
            Backend::Sqlite => {
                self.execute("DELETE FROM search_index WHERE rowid = $1", vec![fts_rowid(id).into()])
                    .await?
            }
            Backend::Postgres => {
                self.execute("DELETE FROM search_index WHERE entity_id = $1", vec![id.into()])
                    .await?
            }
        };
        Ok(())
    }

    /// Re-indexes a company, contact or deal from what is stored now (or drops it when deleted).
    pub(crate) async fn reindex(&mut self, entity: &str, id: Id) -> Result<()> {
        match entity {
            Company::ENTITY => {
                let c: Company = self.get_any(id).await?;
                if c.meta.deleted_at.is_some() {
                    return self.unindex(id).await;
                }
                self.index(Company::ENTITY, id, company_text(&c), None).await
            }
            Contact::ENTITY => {
                let c: Contact = self.get_any(id).await?;
                if c.meta.deleted_at.is_some() {
                    return self.unindex(id).await;
                }
                self.index(Contact::ENTITY, id, contact_text(&c), None).await
            }
            Deal::ENTITY => {
                let d: Deal = self.get_any(id).await?;
                if d.meta.deleted_at.is_some() {
                    return self.unindex(id).await;
                }
                let company = match d.data.company_id {
                    Some(cid) => Some(self.get_any::<Company>(cid).await?),
                    None => None,
                };
                let body = deal_text(
                    &d,
                    company.as_ref().map(|c| (c.data.name.as_str(), c.data.city.as_deref())),
                );
                self.index(Deal::ENTITY, id, body, Some(d.data.owner_id)).await
            }
            _ => Ok(()),
        }
    }
}

impl Tx<'_> {
    /// Ids of up to `limit` records of `kind` whose indexed text contains `text` (folded, three
    /// characters or more): the candidates a duplicate check then compares in full.
    pub(crate) async fn indexed_ids(&mut self, kind: &str, text: &str, limit: i64) -> Result<Vec<Id>> {
        let text = fold(text);
        if text.chars().count() < 3 {
            return Ok(Vec::new());
        }
        let (sql, pattern) = match self.store.backend {
            Backend::Sqlite => (
                "SELECT entity_id AS id FROM search_index WHERE search_index MATCH $1 AND kind = $2 LIMIT $3",
                fts_phrase(&text),
            ),
            // Through the function that answers a manager from the trigram index too (0019).
            Backend::Postgres => (
                "SELECT entity_id AS id FROM voronka_search($1, $2, $3, 0)",
                like_pattern(&text),
            ),
        };
        #[derive(Deserialize)]
        struct Hit {
            id: Id,
        }
        let hits: Vec<Hit> = self
            .fetch_all(sql, vec![pattern.into(), kind.into(), limit.into()], &[])
            .await?;
        Ok(hits.into_iter().map(|h| h.id).collect())
    }
}

/// `%`, `_` and the escape character itself lose their LIKE meaning.
fn like_pattern(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// An FTS5 phrase: the whole text in double quotes, inner quotes doubled, so operators such as
/// OR, NOT, `*` or `:` are plain characters.
fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

impl Store {
    /// Companies, contacts and deals whose indexed text contains `query`, in a stable order.
    pub async fn search(&self, query: &str, page: Page) -> Result<Paged<SearchHit>> {
        let text = normalise_query(query);
        if text.is_empty() {
            return Ok(Paged::empty());
        }
        let (limit, offset) = (page.limit() + 1, page.offset());
        let (matching, pattern) = match self.backend {
            // Trigram MATCH needs three characters; shorter text scans with LIKE, which FTS5
            // still answers from its own table.
            Backend::Sqlite if text.chars().count() >= 3 => (
                "SELECT kind, entity_id, rowid AS ord FROM search_index WHERE search_index MATCH $1 ORDER BY rowid LIMIT $2 OFFSET $3",
                fts_phrase(&text),
            ),
            Backend::Sqlite => (
                "SELECT kind, entity_id, rowid AS ord FROM search_index WHERE body LIKE $1 ESCAPE '\\' ORDER BY rowid LIMIT $2 OFFSET $3",
                like_pattern(&text),
            ),
            // Under row-level security a LIKE is not answered from the trigram index: the
            // function reads the entries with the owner's rights and keeps the policy's rule
            // (migration 0019); the titles are read below under the caller's own.
            Backend::Postgres => (
                "SELECT kind, entity_id, entity_id AS ord FROM voronka_search($1, NULL, $2, $3)",
                like_pattern(&text),
            ),
        };
        let sql = format!(
            "SELECT m.kind AS kind, m.entity_id AS id,
                    COALESCE(c.name, p.full_name, d.title) AS title,
                    CASE m.kind WHEN 'company' THEN c.city WHEN 'contact' THEN p.position ELSE dc.name END AS subtitle
             FROM ({matching}) m
             LEFT JOIN companies c ON m.kind = 'company' AND c.id = m.entity_id
             LEFT JOIN contacts p ON m.kind = 'contact' AND p.id = m.entity_id
             LEFT JOIN deals d ON m.kind = 'deal' AND d.id = m.entity_id
             LEFT JOIN companies dc ON dc.id = d.company_id
             ORDER BY m.ord"
        );
        let rows = sqlx::query(&sql)
            .bind(pattern)
            .bind(limit)
            .bind(offset)
            .fetch_all(&self.pool)
            .await
            .db()?;
        let hits = rows
            .iter()
            .map(|r| row::from_row(r, &[]))
            .collect::<Result<Vec<SearchHit>>>()?;
        Ok(Paged::from_rows(hits, page))
    }
}
