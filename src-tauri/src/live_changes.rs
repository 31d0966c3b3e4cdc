//! Changes committed anywhere (this window, a teammate's desktop) reach the UI as `changed`
//! events, one per entity, so open screens refetch what a write touched under this login's own
//! rights. A burst of writes (a deal moved with its tasks and timeline) is gathered for
//! [`COALESCE`] and sent once.

use crate::session::Session;
use serde::Serialize;
use std::collections::BTreeSet;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Runtime};
use voronka_store::Changes;

/// The UI's name of the event (`ui/src/api/changeEvents.ts`).
pub const CHANGED_EVENT: &str = "changed";
/// The entity of a change that may have touched anything (a lost and renewed connection).
pub const EVERYTHING: &str = "everything";

/// How long a first change waits for the ones committed right after it.
const COALESCE: Duration = Duration::from_millis(100);
/// How long the feed waits before checking that its database is still the open one.
const FEED_CHECK: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Serialize)]
pub struct ChangedPayload {
    /// The entity as the audit log names it: "company", "deal", "task", ...
    pub entity: String,
}

/// The entities to tell the UI about, in a stable order.
pub fn entities(changes: &[Changes]) -> BTreeSet<String> {
    if changes.iter().any(|c| c.everything) {
        return BTreeSet::from([EVERYTHING.to_string()]);
    }
    changes.iter().flat_map(|c| c.entities()).map(str::to_string).collect()
}

/// Follows the open database's change feed for as long as the app runs, renewing it whenever
/// the session switches database or user.
pub async fn forward<R: Runtime>(app: AppHandle<R>, session: Session) {
    loop {
        let generation = session.generation();
        let Ok(store) = session.store().await else {
            tokio::time::sleep(FEED_CHECK).await;
            continue;
        };
        let mut feed = match store.change_feed().await {
            Ok(feed) => feed,
            Err(e) => {
                tracing::warn!("change feed: {e}");
                tokio::time::sleep(FEED_CHECK).await;
                continue;
            }
        };
        while session.generation() == generation {
            let first = match tokio::time::timeout(FEED_CHECK, feed.recv()).await {
                Err(_) => continue,
                Ok(Err(e)) => {
                    tracing::warn!("change feed: {e}");
                    tokio::time::sleep(FEED_CHECK).await;
                    break;
                }
                Ok(Ok(changes)) => changes,
            };
            let mut gathered = vec![first];
            let until = tokio::time::Instant::now() + COALESCE;
            while let Ok(Ok(more)) = tokio::time::timeout_at(until, feed.recv()).await {
                gathered.push(more);
            }
            // A switch meanwhile: the UI refetches everything anyway, from the new database.
            if session.generation() != generation {
                break;
            }
            for entity in entities(&gathered) {
                let _ = app.emit(CHANGED_EVENT, ChangedPayload { entity });
            }
        }
    }
}
