//! Live changes between desktops: which records a committed write touched, by entity and id,
//! never their contents — each desktop refetches under its own rights.
//!
//! Team mode (PostgreSQL): the unit of work sends `pg_notify` on `voronka_changes` just before
//! it commits (PostgreSQL delivers only on commit, so a rolled-back write announces nothing).
//! Local mode (SQLite, one process): an in-process broadcast after a successful commit.

use crate::Store;
use crate::pg_listen::{Heard, Hearer};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use tokio::sync::{broadcast, mpsc};
use voronka_core::{Error, ErrorCode, Id, Result};

/// The PostgreSQL channel changes are announced on.
pub const CHANGES_CHANNEL: &str = "voronka_changes";

/// The `application_name` of the change feed's listening connection.
pub const CHANGES_LISTENER_APPLICATION: &str = "voronka-changes";

/// Beyond this many ids of one entity in one write (bulk import, demo load) a screen would
/// refetch the whole list anyway: the write says "many of this entity" instead.
const MANY_IDS: usize = 500;

/// PostgreSQL refuses payloads of 8000 bytes and more; this leaves room for the JSON framing.
const PAYLOAD_BUDGET: usize = 7000;

/// What one or more committed writes changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changes {
    /// Anything may have changed (a lost connection, a lagging reader): refetch every screen.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub everything: bool,
    /// Entity → the ids written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ids: BTreeMap<String, BTreeSet<Id>>,
    /// Entities with too many records written to list them.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub many: BTreeSet<String>,
}

impl Changes {
    pub fn everything() -> Changes {
        Changes {
            everything: true,
            ..Default::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.everything && self.ids.is_empty() && self.many.is_empty()
    }

    /// Every entity named, listed or not.
    pub fn entities(&self) -> BTreeSet<&str> {
        self.ids.keys().chain(&self.many).map(String::as_str).collect()
    }

    pub(crate) fn note(&mut self, entity: &str, id: Id) {
        if self.many.contains(entity) {
            return;
        }
        let ids = self.ids.entry(entity.to_string()).or_default();
        ids.insert(id);
        if ids.len() > MANY_IDS {
            self.ids.remove(entity);
            self.many.insert(entity.to_string());
        }
    }

    /// The notification payloads that together say what this says, each under PostgreSQL's limit.
    pub(crate) fn payloads(&self) -> Vec<String> {
        let mut parts = Vec::new();
        let mut part = Changes {
            everything: self.everything,
            many: self.many.clone(),
            ..Default::default()
        };
        let mut size = self.many.iter().map(|e| e.len() + 3).sum::<usize>();
        for (entity, ids) in &self.ids {
            for id in ids {
                // A uuid in quotes and a comma; a new entity's name, quotes, colon and brackets.
                let grows = 39
                    + if part.ids.contains_key(entity) {
                        0
                    } else {
                        entity.len() + 5
                    };
                if size + grows > PAYLOAD_BUDGET && !part.is_empty() {
                    parts.push(std::mem::take(&mut part));
                    size = 0;
                }
                part.ids.entry(entity.clone()).or_default().insert(*id);
                size += grows;
            }
        }
        if !part.is_empty() {
            parts.push(part);
        }
        parts
            .iter()
            .map(|p| serde_json::to_string(p).expect("ids and names always serialize"))
            .collect()
    }
}

/// What a store shares for live changes in local mode.
pub(crate) fn local_hub() -> broadcast::Sender<Changes> {
    broadcast::channel(256).0
}

/// Changes committed by any desktop (this one included). Dropping it stops listening.
#[derive(Debug)]
pub struct ChangeFeed {
    source: Source,
}

#[derive(Debug)]
enum Source {
    Local(broadcast::Receiver<Changes>),
    Team {
        changes: mpsc::UnboundedReceiver<Changes>,
        listener: tokio::task::JoinHandle<()>,
    },
}

impl Drop for ChangeFeed {
    fn drop(&mut self) {
        if let Source::Team { listener, .. } = &self.source {
            listener.abort();
        }
    }
}

impl Store {
    /// A feed of the changes committed from now on. In team mode it returns once it listens, so
    /// a write committed after this call is announced to it.
    pub async fn change_feed(&self) -> Result<ChangeFeed> {
        let Some(options) = self.gong.listen.clone() else {
            return Ok(ChangeFeed {
                source: Source::Local(self.changes.subscribe()),
            });
        };
        let options = options.application_name(CHANGES_LISTENER_APPLICATION);
        let (out, mut changes) = mpsc::unbounded_channel();
        let listener = tokio::spawn(crate::pg_listen::listen(options, CHANGES_CHANNEL, ChangeHearer { out }));
        // The first word of every (re)connection is "everything": the first one only says it listens.
        if changes.recv().await.is_none() {
            return Err(Error::new(ErrorCode::Storage, "the change listener stopped"));
        }
        Ok(ChangeFeed {
            source: Source::Team { changes, listener },
        })
    }

    /// After a commit: tell this process's feeds (local mode; team mode notified in the commit).
    pub(crate) fn announce_changes(&self, changes: Changes) {
        if self.gong.listen.is_none() && !changes.is_empty() {
            // No feed listening is no error.
            let _ = self.changes.send(changes);
        }
    }
}

impl ChangeFeed {
    /// The next changes. Waits until there are some.
    pub async fn recv(&mut self) -> Result<Changes> {
        match &mut self.source {
            Source::Local(rx) => match rx.recv().await {
                Ok(changes) => Ok(changes),
                Err(broadcast::error::RecvError::Lagged(_)) => Ok(Changes::everything()),
                Err(broadcast::error::RecvError::Closed) => Err(Error::new(ErrorCode::Storage, "the store was closed")),
            },
            Source::Team { changes, .. } => changes
                .recv()
                .await
                .ok_or_else(|| Error::new(ErrorCode::Storage, "the change listener stopped")),
        }
    }
}

struct ChangeHearer {
    out: mpsc::UnboundedSender<Changes>,
}

impl Hearer for ChangeHearer {
    async fn hear(&mut self, heard: Heard) -> Result<()> {
        let changes = match heard {
            Heard::Listening => Changes::everything(),
            Heard::Notice(payload) => serde_json::from_str(&payload).unwrap_or_else(|e| {
                tracing::warn!("unreadable change notice ({e}): refetching everything");
                Changes::everything()
            }),
        };
        // A closed channel means the feed is gone; the listener ends at its next turn.
        let _ = self.out.send(changes);
        Ok(())
    }

    fn gone(&self) -> bool {
        self.out.is_closed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<Id> {
        (0..n).map(|_| Id(uuid::Uuid::new_v4())).collect()
    }

    #[test]
    fn a_big_write_splits_under_the_payload_limit_and_loses_no_id() {
        let mut changes = Changes::default();
        let (deals, tasks) = (ids(450), ids(300));
        deals.iter().for_each(|id| changes.note("deal", *id));
        tasks.iter().for_each(|id| changes.note("task", *id));
        let payloads = changes.payloads();
        assert!(payloads.len() > 1, "750 ids do not fit one notification");
        let mut back = Changes::default();
        for p in &payloads {
            assert!(p.len() < 8000, "PostgreSQL refuses 8000 bytes: {}", p.len());
            let part: Changes = serde_json::from_str(p).unwrap();
            part.ids
                .iter()
                .for_each(|(e, ids)| ids.iter().for_each(|id| back.note(e, *id)));
        }
        assert_eq!(back, changes, "the parts together say what the whole did");
    }

    #[test]
    fn a_bulk_write_says_many_instead_of_ids() {
        let mut changes = Changes::default();
        ids(MANY_IDS + 1).iter().for_each(|id| changes.note("deal", *id));
        changes.note("company", ids(1)[0]);
        assert_eq!(changes.many, BTreeSet::from(["deal".to_string()]));
        assert_eq!(changes.entities(), BTreeSet::from(["company", "deal"]));
        assert_eq!(changes.payloads().len(), 1, "a marker and one id fit one notification");
    }
}
