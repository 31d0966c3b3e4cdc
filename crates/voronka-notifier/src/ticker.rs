use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::MissedTickBehavior;
use voronka_core::notify::{Notification, Notifier};
use voronka_core::{ErrorCode, Id};
use voronka_store::Store;

/// The signed-in user's notifications, asked for on every tick and shown through a notifier.
/// The store records what was shown, so a tick after a restart or a failed tick repeats
/// nothing and loses nothing.
#[derive(Debug, Clone)]
pub struct NotificationLoop {
    store: Store,
    user_id: Id,
    notifier: Arc<dyn Notifier>,
}

impl NotificationLoop {
    pub fn new(store: Store, user_id: Id, notifier: Arc<dyn Notifier>) -> NotificationLoop {
        NotificationLoop {
            store,
            user_id,
            notifier,
        }
    }

    /// One tick at the store's clock: what was shown, or why nothing was (then all of it comes
    /// again on the next tick).
    pub async fn tick(&self) -> voronka_core::Result<Vec<Notification>> {
        self.store
            .deliver_notifications(self.user_id, self.notifier.as_ref())
            .await
    }

    /// Ticks every `every` until `stop` turns true or its sender is gone. Ticks missed while
    /// the machine slept or a tick ran long come as one (the store catches up by itself);
    /// failures are logged and the loop goes on.
    pub async fn run(&self, every: Duration, mut stop: watch::Receiver<bool>) {
        let mut interval = tokio::time::interval(every);
        interval.set_missed_tick_behavior(MissedTickBehavior::Skip);
        loop {
            if *stop.borrow_and_update() {
                return;
            }
            tokio::select! {
                biased;
                changed = stop.changed() => {
                    if changed.is_err() {
                        return;
                    }
                }
                _ = interval.tick() => self.logged_tick().await,
            }
        }
    }

    async fn logged_tick(&self) {
        match self.tick().await {
            Ok(shown) if !shown.is_empty() => {
                tracing::debug!(user = %self.user_id, count = shown.len(), "notifications shown");
            }
            Ok(_) => {}
            // No notification service (yet): expected on some desktops, retried next tick.
            Err(e) if e.code == ErrorCode::Unreachable => {
                tracing::warn!(user = %self.user_id, "notifications not shown, retrying: {}", e.message);
            }
            Err(e) => tracing::error!(user = %self.user_id, "notification tick failed: {e}"),
        }
    }
}
