//! The department's process settings: one record, read by every use case that follows them
//! (rule 1's lead task, a new deal's title and currency, the reports' thresholds and working
//! days, the gong's progress) and changed by the admin.

use crate::Store;
use crate::table::Rows;
use crate::tx::Tx;
use voronka_core::model::*;
use voronka_core::types::Currency;
use voronka_core::{Error, ErrorCode, Id, Result};

impl Store {
    /// The settings as saved, or, before the admin first saves them, the defaults of today
    /// (version 0: not stored yet).
    pub async fn process_settings(&self) -> Result<ProcessSettings> {
        let mut tx = self.begin_read().await?;
        let settings = tx.process_record().await;
        tx.commit().await?;
        settings
    }

    /// Saves the settings read at `version` (0 for the defaults, which this first save stores).
    /// A stale version, or a first save after someone else's, is a `conflict`.
    pub async fn save_process_settings(
        &self,
        actor: Id,
        version: i64,
        input: &ProcessSettingsInput,
    ) -> Result<ProcessSettings> {
        let data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        let current = tx.stored_process_settings().await?;
        let saved = match current {
            None if version == 0 => tx
                .create_from(|meta| ProcessSettings { meta, data })
                .await
                .map_err(|e| match e.code {
                    // Two first saves at once: the second finds the first's row.
                    ErrorCode::Duplicate => Error::conflict(ProcessSettings::ENTITY),
                    _ => e,
                })?,
            Some(stored) => tx.replace::<ProcessSettings>(stored.meta.id, version, data).await?.1,
            None => return Err(Error::conflict(ProcessSettings::ENTITY)),
        };
        tx.commit().await?;
        Ok(saved)
    }
}

impl Tx<'_> {
    async fn stored_process_settings(&mut self) -> Result<Option<ProcessSettings>> {
        let sql = format!("SELECT * FROM {} WHERE deleted_at IS NULL", ProcessSettings::TABLE);
        let mut rows: Vec<ProcessSettings> = self.fetch_all(&sql, vec![], ProcessSettings::JSON).await?;
        Ok(rows.pop())
    }

    async fn process_record(&mut self) -> Result<ProcessSettings> {
        if let Some(stored) = self.stored_process_settings().await? {
            return Ok(stored);
        }
        let mut meta = Meta::new(Id(uuid::Uuid::nil()), self.now);
        meta.version = 0;
        Ok(ProcessSettings {
            meta,
            data: ProcessSettingsData::defaults(self.now.date_naive()),
        })
    }

    /// The settings this unit of work follows.
    pub(crate) async fn process(&mut self) -> Result<ProcessSettingsData> {
        Ok(self.process_record().await?.data)
    }

    /// The currency of a record that names none.
    pub(crate) async fn default_currency(&mut self) -> Result<Currency> {
        Ok(self.process().await?.default_currency)
    }
}

/// Whether a form left its currency blank (the department's default then applies).
pub(crate) fn blank(currency: Option<&str>) -> bool {
    currency.is_none_or(|c| c.trim().is_empty())
}
