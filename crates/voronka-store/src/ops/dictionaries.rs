//! The department's dictionaries: lead sources, sales and communication channels, industries
//! and call outcomes (`dictionary_entries`), and loss reasons (`loss_reasons`, named by id).
//! The admin adds, renames, reorders and deactivates entries; every record's value is checked
//! against them (see `voronka_core::model::check_dictionary_value`).

use crate::Store;
use crate::row::Value;
use crate::table::{Rows, Table};
use crate::tx::Tx;
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::{Error, Id, Result};

/// A record of an ordered list at the version it was read: one place of a new order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct InOrder {
    pub id: Id,
    pub version: i64,
}

/// A record with a place in its list.
pub(crate) trait Positioned: Table {
    fn position(&self) -> i64;
    fn set_position(&mut self, position: i64);
}

macro_rules! positioned {
    ($($ty:ty),*) => {
        $(impl Positioned for $ty {
            fn position(&self) -> i64 {
                self.data.position
            }
            fn set_position(&mut self, position: i64) {
                self.data.position = position;
            }
        })*
    };
}
positioned!(DictionaryEntry, LossReason, Stage);

impl Store {
    /// Every entry of every dictionary, deactivated ones included (old records show them), by
    /// dictionary and place.
    pub async fn dictionaries(&self) -> Result<Vec<DictionaryEntry>> {
        let mut tx = self.begin_read().await?;
        let sql = "SELECT * FROM dictionary_entries WHERE deleted_at IS NULL ORDER BY dictionary, position, id";
        let entries = tx.fetch_all(sql, vec![], DictionaryEntry::JSON).await;
        tx.commit().await?;
        entries
    }

    /// A new entry at the end of its dictionary (or at `position`); its code is its id.
    pub async fn create_dictionary_entry(
        &self,
        actor: Id,
        dictionary: DictionaryKind,
        input: &DictionaryEntryInput,
    ) -> Result<DictionaryEntry> {
        let mut tx = self.begin(Some(actor)).await?;
        let last = tx.entries_of(dictionary).await?.len() as i64;
        let data = input.validate(last)?;
        let entry = tx
            .create_from(|meta| DictionaryEntry {
                code: meta.id.to_string(),
                meta,
                dictionary,
                data,
            })
            .await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// Renames, moves or (de)activates an entry; a position left out keeps its place.
    pub async fn update_dictionary_entry(
        &self,
        actor: Id,
        id: Id,
        version: i64,
        input: &DictionaryEntryInput,
    ) -> Result<DictionaryEntry> {
        let mut tx = self.begin(Some(actor)).await?;
        let current: DictionaryEntry = tx.get_at(id, version).await?;
        let data = input.validate(current.data.position)?;
        let (_, entry) = tx.replace::<DictionaryEntry>(id, version, data).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// Puts a dictionary's entries in the given order, which must name each of them once at
    /// the version it was read.
    pub async fn reorder_dictionary(
        &self,
        actor: Id,
        dictionary: DictionaryKind,
        order: &[InOrder],
    ) -> Result<Vec<DictionaryEntry>> {
        let mut tx = self.begin(Some(actor)).await?;
        let current = tx.entries_of(dictionary).await?;
        let entries = tx.reorder(current, order).await?;
        tx.commit().await?;
        Ok(entries)
    }

    /// Puts the loss reasons in the given order (as [`Store::reorder_dictionary`]).
    pub async fn reorder_loss_reasons(&self, actor: Id, order: &[InOrder]) -> Result<Vec<LossReason>> {
        let mut tx = self.begin(Some(actor)).await?;
        let current: Vec<LossReason> = tx
            .fetch_all(
                "SELECT * FROM loss_reasons WHERE deleted_at IS NULL ORDER BY position, id",
                vec![],
                LossReason::JSON,
            )
            .await?;
        let reasons = tx.reorder(current, order).await?;
        tx.commit().await?;
        Ok(reasons)
    }
}

impl Tx<'_> {
    /// A dictionary's live entries in order.
    async fn entries_of(&mut self, dictionary: DictionaryKind) -> Result<Vec<DictionaryEntry>> {
        self.fetch_all(
            "SELECT * FROM dictionary_entries WHERE dictionary = $1 AND deleted_at IS NULL ORDER BY position, id",
            vec![dictionary.as_str().into()],
            DictionaryEntry::JSON,
        )
        .await
    }

    /// Gives `records` the places `order` lists them in. `order` must name every record once,
    /// or the change is refused on `order`; a record listed at a stale version is a `conflict`.
    /// Only the records whose place changes are written.
    pub(crate) async fn reorder<R: Positioned>(&mut self, records: Vec<R>, order: &[InOrder]) -> Result<Vec<R>> {
        let names_each_once = order.len() == records.len()
            && records
                .iter()
                .all(|r| order.iter().filter(|o| o.id == r.meta().id).count() == 1);
        if !names_each_once {
            return Err(Error::invalid(
                "order",
                format!(
                    "the new order must list each of the {} {}s once",
                    records.len(),
                    R::ENTITY
                ),
            ));
        }
        let mut placed = Vec::with_capacity(records.len());
        for (position, wanted) in order.iter().enumerate() {
            let Some(before) = records.iter().find(|r| r.meta().id == wanted.id) else {
                continue;
            };
            // Every place is checked, not only the changed ones: an order read before someone
            // else's change is stale as a whole.
            let before: R = self.get_at(before.meta().id, wanted.version).await?;
            let mut after = before.clone();
            if before.position() != position as i64 {
                after.set_position(position as i64);
                self.update(&before, &mut after, AuditAction::Update).await?;
            }
            placed.push(after);
        }
        Ok(placed)
    }

    /// A record's value of dictionary `kind` on `field`: a new one must be an active entry, the
    /// one the record has (`current`) may stay.
    pub(crate) async fn check_choice(
        &mut self,
        kind: DictionaryKind,
        field: &str,
        value: Option<&str>,
        current: Option<&str>,
    ) -> Result<()> {
        let entry = match value {
            Some(code) if current != Some(code) => self.entry(kind, code).await?,
            _ => None,
        };
        check_dictionary_value(kind, field, value, current, entry.as_ref())
    }

    async fn entry(&mut self, kind: DictionaryKind, code: &str) -> Result<Option<DictionaryEntry>> {
        let rows: Vec<DictionaryEntry> = self
            .fetch_all(
                "SELECT * FROM dictionary_entries WHERE dictionary = $1 AND code = $2 AND deleted_at IS NULL",
                vec![kind.as_str().into(), Value::Text(code.to_string())],
                DictionaryEntry::JSON,
            )
            .await?;
        Ok(rows.into_iter().next())
    }

    /// The default entries of every dictionary, named in `language`, into a database that has
    /// none yet.
    pub(crate) async fn install_dictionaries(&mut self, language: Language) -> Result<()> {
        if self.scalar("SELECT COUNT(*) FROM dictionary_entries", vec![]).await? > 0 {
            return Ok(());
        }
        for dictionary in DictionaryKind::ALL {
            for (position, default) in default_entries(dictionary).iter().enumerate() {
                let data = DictionaryEntryInput {
                    name: default.name(language).into(),
                    position: Some(position as i64),
                    active: Some(true),
                }
                .validate(0)?;
                self.create_from(|meta| DictionaryEntry {
                    meta,
                    dictionary,
                    code: default.code.into(),
                    data,
                })
                .await?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use voronka_core::model::{DictionaryKind, default_entries};

    /// Migration 0023 gives a database made before the dictionaries the core's defaults, in
    /// Ukrainian: the two lists must not drift apart.
    #[test]
    fn the_migration_installs_the_cores_defaults() {
        for sql in [
            include_str!("../../../../migrations/sqlite/0023_department_setup.sql"),
            include_str!("../../../../migrations/postgres/0023_department_setup.sql"),
        ] {
            let listed = sql.matches("    ('").count();
            let mut expected = 0;
            for kind in DictionaryKind::ALL {
                for (position, entry) in default_entries(kind).iter().enumerate() {
                    let row = format!("('{}', '{}', '{}', {position})", kind.as_str(), entry.code, entry.uk);
                    assert!(sql.contains(&row), "the migration lists {row}");
                    expected += 1;
                }
            }
            assert_eq!(listed, expected, "and nothing else");
        }
    }
}
