//! The communication timeline: calls, emails, meetings, notes, stage changes, task results.
//! An entry on a deal or contact also carries their company, so a company card shows one
//! merged timeline with a single indexed read.

use crate::tx::Tx;
use crate::{Page, Paged, Store};
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::{Id, Result};

/// Whose timeline to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum TimelineOf {
    Company(Id),
    Contact(Id),
    Deal(Id),
}

impl Store {
    pub async fn log_activity(&self, actor: Id, input: &ActivityInput) -> Result<Activity> {
        let mut tx = self.begin(Some(actor)).await?;
        let data = input.validate(tx.now)?;
        let deal = tx.require_opt::<Deal>(data.deal_id, "deal_id").await?;
        let contact = tx.require_opt::<Contact>(data.contact_id, "contact_id").await?;
        tx.require_opt::<Company>(data.company_id, "company_id").await?;
        if data.kind == ActivityKind::Call {
            let outcome = data.details.outcome.as_deref();
            tx.check_choice(DictionaryKind::CallOutcome, "outcome", outcome, None)
                .await?;
        }
        let mut data = data;
        if data.company_id.is_none() {
            data.company_id = deal
                .and_then(|d| d.data.company_id)
                .or(contact.and_then(|c| c.data.company_id));
        }
        let activity = tx.add_activity(data).await?;
        tx.commit().await?;
        Ok(activity)
    }

    /// Newest first.
    pub async fn timeline(&self, of: TimelineOf, page: Page) -> Result<Paged<Activity>> {
        let (column, id) = match of {
            TimelineOf::Company(id) => ("company_id", id),
            TimelineOf::Contact(id) => ("contact_id", id),
            TimelineOf::Deal(id) => ("deal_id", id),
        };
        let sql = format!(
            "SELECT * FROM activities WHERE {column} = $1 AND deleted_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT $2 OFFSET $3"
        );
        let mut tx = self.begin_read().await?;
        let rows = tx
            .fetch_all(
                &sql,
                vec![id.into(), (page.limit() + 1).into(), page.offset().into()],
                <Activity as crate::table::Rows>::JSON,
            )
            .await?;
        tx.commit().await?;
        Ok(Paged::from_rows(rows, page))
    }
}

impl Tx<'_> {
    pub(crate) async fn add_activity(&mut self, data: ActivityData) -> Result<Activity> {
        let author = self
            .actor
            .ok_or_else(|| voronka_core::Error::invalid("author_id", "an activity needs an author"))?;
        self.create_from(|meta| Activity {
            meta,
            data,
            author_id: author,
        })
        .await
    }
}
