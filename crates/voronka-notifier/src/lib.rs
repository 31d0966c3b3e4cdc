//! Voronka's notifications on the desktop, free of the window toolkit so the shell only wires it:
//!
//! - [`DesktopNotifier`]: the core's [`voronka_core::notify::Notifier`] port over the
//!   platform's native notifications (notify-rust), with texts in the user's language
//!   ([`texts`]) and a click reported as a [`ClickTarget`].
//! - [`NotificationLoop`]: asks the store for what is due on every tick and shows it.

mod click;
mod desktop;
pub mod texts;
mod ticker;

pub use click::ClickTarget;
pub use desktop::{APP_NAME, DesktopNotifier, OnClick};
pub use ticker::NotificationLoop;
