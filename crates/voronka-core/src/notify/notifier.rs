use super::Notification;
use std::sync::Mutex;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotifyError {
    /// The desktop refused or could not show the notification (no notification service…).
    #[error("the notification could not be shown: {0}")]
    Unavailable(String),
}

/// Shows a notification to the person at this desktop. The desktop shell implements it with
/// native notifications; a failure leaves the notification undelivered, so it comes again on
/// the next tick.
pub trait Notifier: Send + Sync + std::fmt::Debug {
    fn show(&self, n: &Notification) -> Result<(), NotifyError>;
}

/// Keeps what it was asked to show. For tests of the scheduling loop: the desktop is a port
/// they cannot reach otherwise.
#[derive(Debug, Default)]
pub struct RecordingNotifier {
    shown: Mutex<Vec<Notification>>,
    refuse: Mutex<bool>,
}

impl RecordingNotifier {
    pub fn new() -> Self {
        Self::default()
    }

    /// Everything shown so far, in order.
    pub fn shown(&self) -> Vec<Notification> {
        self.shown.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// From now on refuse (as a desktop without a notification service does) or accept.
    pub fn set_refusing(&self, refuse: bool) {
        *self.refuse.lock().unwrap_or_else(|e| e.into_inner()) = refuse;
    }
}

impl Notifier for RecordingNotifier {
    fn show(&self, n: &Notification) -> Result<(), NotifyError> {
        if *self.refuse.lock().unwrap_or_else(|e| e.into_inner()) {
            return Err(NotifyError::Unavailable("refusing, as asked".into()));
        }
        self.shown.lock().unwrap_or_else(|e| e.into_inner()).push(n.clone());
        Ok(())
    }
}
