//! The notifier over the real store (a SQLite file and a PostgreSQL database, through the same
//! code) and, for the desktop half, a real session bus with a recording notification server.

mod harness;

/// A story run on a fresh SQLite file and a fresh PostgreSQL database.
macro_rules! on_both {
    ($story:ident) => {
        mod $story {
            use crate::harness::{Ctx, Kind};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                if let Some(ctx) = Ctx::fresh(Kind::Sqlite).await {
                    super::$story(ctx).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(ctx) = Ctx::fresh(Kind::Postgres).await {
                    super::$story(ctx).await;
                }
            }
        }
    };
}

mod dbus;
mod ticker;
