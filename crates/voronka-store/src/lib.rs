//! One storage API over a SQLite file and a PostgreSQL database.
//!
//! Both backends run the same SQL through sqlx's `Any` driver; the few places where the
//! dialects differ (quick search, schema introspection) branch on [`Backend`]. Every write runs
//! in one transaction together with its audit entry, and every update of a record names the
//! `version` it was read at, so a stale edit fails with `conflict` instead of overwriting.

mod backup;
mod change_feed;
mod columns;
mod error;
mod export;
mod figures;
mod figures_function;
mod gong_feed;
mod guard;
mod import;
mod lists;
mod migrate;
mod move_to_team;
mod open;
mod ops;
mod pg_listen;
mod reports;
mod rollups;
mod row;
mod search;
mod sqlite_file;
mod table;
mod team;
mod tx;

pub use backup::{BACKUP_EVERY_HOURS, BACKUPS_KEPT, Backup, backups_folder, list_backups, local_file, restore};
pub use change_feed::{CHANGES_CHANNEL, CHANGES_LISTENER_APPLICATION, ChangeFeed, Changes};
pub use gong_feed::{GONG_LISTENER_APPLICATION, GongFeed};
pub use import::{Import, Load};
pub use lists::*;
pub use move_to_team::{MovedRows, MovedTable, move_to_team};
pub use open::{Backend, SCHEMA_VERSION, data_folder, default_database_url, redact, redact_text};
pub use ops::*;
pub use reports::ListQuery;
pub use search::SearchHit;
pub use table::Table;
pub use team::{Identity, LoginCard, init_team};

use std::sync::Arc;
use voronka_core::{Clock, IdSource};

/// An open database. Cheap to clone: clones share one connection pool.
#[derive(Clone, Debug)]
pub struct Store {
    pool: sqlx::AnyPool,
    backend: Backend,
    columns: Arc<columns::Columns>,
    clock: Arc<dyn Clock>,
    ids: Arc<dyn IdSource>,
    gong: Arc<gong_feed::GongHub>,
    /// Where a team database is, for the cards of new logins; `None` for a local file.
    server: Option<Arc<team::Server>>,
    changes: tokio::sync::broadcast::Sender<change_feed::Changes>,
}

impl Store {
    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The same database with another clock and id source (tests, demo data, replays).
    pub fn with_ports(&self, clock: Arc<dyn Clock>, ids: Arc<dyn IdSource>) -> Store {
        Store {
            clock,
            ids,
            ..self.clone()
        }
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}
