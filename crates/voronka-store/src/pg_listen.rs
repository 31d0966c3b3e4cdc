//! One listening connection to PostgreSQL that lives as long as its hearer wants it: it
//! reconnects by itself after a lost connection, with a growing pause, and tells the hearer each
//! time it listens again, since notifications sent while it was away are gone for good.

use sqlx::postgres::{PgConnectOptions, PgListener, PgPoolOptions};
use std::future::Future;
use std::time::Duration;
use voronka_core::Result;

/// What the connection heard.
pub(crate) enum Heard {
    /// Listening (again): whatever was sent before is not going to arrive.
    Listening,
    /// A notification's payload.
    Notice(String),
}

/// The side that acts on what is heard (the gong feed, the change feed).
pub(crate) trait Hearer: Send + 'static {
    fn hear(&mut self, heard: Heard) -> impl Future<Output = Result<()>> + Send;
    /// True when nobody reads any more: the listener ends.
    fn gone(&self) -> bool;
}

/// Listens on `channel` for as long as the hearer is there.
pub(crate) async fn listen(options: PgConnectOptions, channel: &'static str, mut hearer: impl Hearer) {
    let pool = PgPoolOptions::new().max_connections(1).connect_lazy_with(options);
    let mut backoff = Duration::from_millis(50);
    while !hearer.gone() {
        let e = listen_once(&pool, channel, &mut hearer).await;
        tracing::warn!("{channel} listener: {e}; reconnecting in {backoff:?}");
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(2));
    }
}

type ListenError = Box<dyn std::error::Error + Send + Sync>;

/// One connection's life, until it is lost (the error says how).
async fn listen_once(pool: &sqlx::PgPool, channel: &str, hearer: &mut impl Hearer) -> ListenError {
    let run = async {
        let mut listener = PgListener::connect_with(pool).await?;
        listener.listen(channel).await?;
        hearer.hear(Heard::Listening).await?;
        loop {
            match listener.try_recv().await? {
                Some(n) => hearer.hear(Heard::Notice(n.payload().to_string())).await?,
                None => return Err::<(), ListenError>("the connection was lost".into()),
            }
        }
    };
    match run.await {
        Err(e) => e,
        Ok(()) => "the listener stopped".into(),
    }
}
