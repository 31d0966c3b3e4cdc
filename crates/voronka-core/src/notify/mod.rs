//! Notifications (DOMAIN.md "Notifications" and rule 8): what a user is told, when, and exactly
//! once.
//!
//! The pieces, each pure:
//! - [`NotificationSettings`]: a user's choices (reminder lead, check-in times, digest interval…).
//! - [`Notification`]: one thing to show, with a stable event key. Deliveries are recorded per
//!   user and key, so a key is shown once, also across restarts; moving a task's due time makes a
//!   new key, and the old one simply stops being due.
//! - [`scheduler`]: given the time, the last tick and the candidate tasks the store read, which
//!   notifications are due now; [`scheduler::collapse`] turns a flood after a long sleep into one
//!   [`NotificationKind::MissedDigest`].
//! - [`GongEvent`] and [`TeamProgress`]: a won deal or a paid payment, for the whole team.
//! - [`Notifier`]: the port a desktop adapter implements to show a notification.

pub mod client_date;
mod gong;
mod lead_handover;
mod notification;
mod notifier;
pub mod scheduler;
mod settings;

#[cfg(test)]
mod tests;

pub use client_date::ClientDate;
pub use gong::{GongEvent, GongKind, TeamProgress};
pub use lead_handover::LeadHandover;
pub use notification::{MissedCount, Notification, NotificationKind, TaskRef};
pub use notifier::{Notifier, NotifyError, RecordingNotifier};
pub use scheduler::{Candidates, Recipient, TaskCandidate, Tick};
pub use settings::NotificationSettings;
