//! The gong feed: every gong event after a starting point, in order, each once.
//!
//! Local mode (SQLite) is one process: events go through an in-process broadcast. Team mode
//! (PostgreSQL) listens on `voronka_gong`; a notification only says "there is something new",
//! and the feed reads `gong_events` after the last seq it handed out. After a lost connection it
//! reconnects by itself, listens again and then reads what it missed — listening first, so an
//! event committed in between is either read now or announced later, and never skipped.

use crate::ops::GONG_CHANNEL;
use crate::pg_listen::{Heard, Hearer};
use crate::{Backend, Store};
use sqlx::postgres::PgConnectOptions;
use std::collections::VecDeque;
use tokio::sync::{broadcast, mpsc};
use voronka_core::notify::GongEvent;
use voronka_core::{Error, ErrorCode, Result};

/// The `application_name` of the listening connection (it shows in `pg_stat_activity`).
pub const GONG_LISTENER_APPLICATION: &str = "voronka-gong";

/// What a store shares for the gong: the in-process broadcast and, in team mode, how to open
/// the listening connection.
pub(crate) struct GongHub {
    pub(crate) local: broadcast::Sender<GongEvent>,
    pub(crate) listen: Option<PgConnectOptions>,
}

impl std::fmt::Debug for GongHub {
    // The connect options hold the password: never shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GongHub").field("team", &self.listen.is_some()).finish()
    }
}

impl GongHub {
    pub(crate) fn new(backend: Backend, url: &str) -> Result<GongHub> {
        let listen = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(
                url.parse::<PgConnectOptions>()
                    .map_err(|e| Error::invalid("db", format!("{}: {e}", crate::redact(url))))?
                    .application_name(GONG_LISTENER_APPLICATION),
            ),
        };
        Ok(GongHub {
            local: broadcast::channel(256).0,
            listen,
        })
    }
}

/// Gong events in seq order, each once. Dropping it stops listening.
#[derive(Debug)]
pub struct GongFeed {
    store: Store,
    last_seq: i64,
    pending: VecDeque<GongEvent>,
    source: Source,
}

#[derive(Debug)]
enum Source {
    Local(broadcast::Receiver<GongEvent>),
    Team {
        events: mpsc::UnboundedReceiver<GongEvent>,
        listener: tokio::task::JoinHandle<()>,
    },
}

impl Drop for GongFeed {
    fn drop(&mut self) {
        if let Source::Team { listener, .. } = &self.source {
            listener.abort();
        }
    }
}

impl Store {
    /// A feed of the gong events after `after_seq`, or, with `None`, of those still to come.
    pub async fn gong_feed(&self, after_seq: Option<i64>) -> Result<GongFeed> {
        // Local: subscribe before reading the starting point, so nothing committed in between is
        // lost. Team: the listener catches up from the starting point once it listens.
        let local = self.gong.listen.is_none().then(|| self.gong.local.subscribe());
        let last_seq = match after_seq {
            Some(seq) => seq,
            None => self.last_gong_seq().await?,
        };
        let source = match local {
            Some(rx) => Source::Local(rx),
            None => {
                let (tx, rx) = mpsc::unbounded_channel();
                Source::Team {
                    events: rx,
                    listener: tokio::spawn(listen(self.clone(), last_seq, tx)),
                }
            }
        };
        let mut feed = GongFeed {
            store: self.clone(),
            last_seq,
            pending: VecDeque::new(),
            source,
        };
        if matches!(feed.source, Source::Local(_)) && after_seq.is_some() {
            feed.catch_up().await?;
        }
        Ok(feed)
    }

    /// After a commit that rang the gong: tell this process's feeds (local mode).
    pub(crate) fn announce(&self, event: Option<GongEvent>) {
        if let (Some(event), None) = (event, &self.gong.listen) {
            // No feed listening is no error.
            let _ = self.gong.local.send(event);
        }
    }
}

impl GongFeed {
    /// The next gong event. Waits until there is one.
    pub async fn recv(&mut self) -> Result<GongEvent> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                if event.seq > self.last_seq {
                    self.last_seq = event.seq;
                    return Ok(event);
                }
                continue;
            }
            match &mut self.source {
                Source::Local(rx) => match rx.recv().await {
                    Ok(event) => self.pending.push_back(event),
                    Err(broadcast::error::RecvError::Lagged(_)) => self.catch_up().await?,
                    Err(broadcast::error::RecvError::Closed) => {
                        return Err(Error::new(ErrorCode::Storage, "the store was closed"));
                    }
                },
                Source::Team { events, .. } => match events.recv().await {
                    Some(event) => self.pending.push_back(event),
                    None => return Err(Error::new(ErrorCode::Storage, "the gong listener stopped")),
                },
            }
        }
    }

    /// The seq of the last event handed out (or the starting point).
    pub fn last_seq(&self) -> i64 {
        self.last_seq
    }

    async fn catch_up(&mut self) -> Result<()> {
        let after = self.pending.back().map(|e| e.seq).unwrap_or(self.last_seq);
        let missed = self.store.gong_since(after, 10_000).await?;
        self.pending.extend(missed);
        Ok(())
    }
}

/// Reads `gong_events` after the last seq handed out whenever the gong channel says so, and
/// on (re)connecting, to pick up what was rung while it did not listen.
struct GongHearer {
    store: Store,
    last: i64,
    out: mpsc::UnboundedSender<GongEvent>,
}

impl Hearer for GongHearer {
    async fn hear(&mut self, _: Heard) -> Result<()> {
        forward(&self.store, &mut self.last, &self.out).await
    }

    fn gone(&self) -> bool {
        self.out.is_closed()
    }
}

/// Listens on the gong channel for as long as the feed lives.
async fn listen(store: Store, start: i64, out: mpsc::UnboundedSender<GongEvent>) {
    let Some(options) = store.gong.listen.clone() else {
        return;
    };
    let hearer = GongHearer {
        store,
        last: start,
        out,
    };
    crate::pg_listen::listen(options, GONG_CHANNEL, hearer).await;
}

async fn forward(store: &Store, after: &mut i64, out: &mpsc::UnboundedSender<GongEvent>) -> Result<()> {
    loop {
        let events = store.gong_since(*after, 500).await?;
        if events.is_empty() {
            return Ok(());
        }
        for event in events {
            *after = event.seq;
            // A closed channel means the feed is gone; the listener ends at its next turn.
            let _ = out.send(event);
        }
    }
}
