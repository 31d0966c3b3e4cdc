//! The [`Notifier`] port over native desktop notifications (notify-rust).
//!
//! What each platform does, as notify-rust implements it:
//! - Linux and the BSDs: a `Notify` call to `org.freedesktop.Notifications` on the session bus
//!   (the pure-Rust zbus client, one short connection per notification). A missing session bus
//!   or notification server makes `show` fail, so the store keeps the notification for the next
//!   tick. A notification with a task or deal carries the `default` action; a background thread
//!   keeps the connection and waits for `ActionInvoked` (a click) or `NotificationClosed`, and
//!   reports a click to `on_click`. `show` itself never waits.
//! - Windows: a WinRT toast under the installed app's AppUserModelID (`with_app_id`). `show`
//!   fails when the toast cannot be shown. A click on the toast's
//!   body arrives as the default response; a background thread waits for it as on Linux, without
//!   an extra button (on Windows every action becomes a button).
//! - macOS: `NSUserNotificationCenter`. notify-rust hands the notification to the system when the
//!   handle is dropped and never reports a failure, so `show` succeeds once it is handed over.
//!   Waiting for a click sends the notification synchronously and needs the main run loop, which
//!   belongs to the window toolkit: on macOS no click is reported; clicking brings the app
//!   forward, where the task is listed.

use crate::click::ClickTarget;
use crate::texts;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use voronka_core::model::Language;
use voronka_core::notify::{Notification, Notifier, NotifyError};

/// The application name every notification carries.
pub const APP_NAME: &str = "Voronka";

/// Told what a notification's click should open. Called on a background thread.
pub type OnClick = Arc<dyn Fn(ClickTarget) + Send + Sync>;

/// At most this many notifications wait for a click at once: each waits on a thread of its own
/// until it is clicked or closed, and a server that never closes them must not pile up threads.
/// Past it, notifications are still shown, just without a click target.
const MAX_WAITING: usize = 32;

pub struct DesktopNotifier {
    icon: String,
    language: Mutex<Language>,
    on_click: Option<OnClick>,
    waiting: Arc<AtomicUsize>,
    /// The AppUserModelID Windows files toasts under (see [`DesktopNotifier::with_app_id`]).
    app_id: Option<String>,
}

impl std::fmt::Debug for DesktopNotifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DesktopNotifier")
            .field("icon", &self.icon)
            .field("language", &self.language())
            .field("clicks", &self.on_click.is_some())
            .field("app_id", &self.app_id)
            .finish()
    }
}

impl DesktopNotifier {
    /// `icon`: an icon name from the desktop's theme or an absolute path to the app's PNG.
    /// `on_click` learns what a clicked notification should open.
    pub fn new(icon: impl Into<String>, language: Language, on_click: OnClick) -> DesktopNotifier {
        DesktopNotifier {
            icon: icon.into(),
            language: Mutex::new(language),
            on_click: Some(on_click),
            waiting: Arc::new(AtomicUsize::new(0)),
            app_id: None,
        }
    }

    /// A notifier whose notifications open nothing when clicked.
    pub fn without_clicks(icon: impl Into<String>, language: Language) -> DesktopNotifier {
        DesktopNotifier {
            icon: icon.into(),
            language: Mutex::new(language),
            on_click: None,
            waiting: Arc::new(AtomicUsize::new(0)),
            app_id: None,
        }
    }

    /// Windows shows a toast under the app that owns `app_id`: the installers register the
    /// bundle identifier on the Start-menu shortcut, so toasts carry Voronka's name and icon.
    /// Without it (a build run straight from `cargo`) Windows files them under PowerShell.
    /// Other platforms ignore it.
    pub fn with_app_id(mut self, app_id: impl Into<String>) -> DesktopNotifier {
        self.app_id = Some(app_id.into());
        self
    }

    pub fn language(&self) -> Language {
        *self.language.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The user changed their language: notifications from now on speak it.
    pub fn set_language(&self, language: Language) {
        *self.language.lock().unwrap_or_else(|e| e.into_inner()) = language;
    }

    /// How many shown notifications are waiting for a click now.
    pub fn waiting_for_clicks(&self) -> usize {
        self.waiting.load(Ordering::SeqCst)
    }

    /// Reserves a waiting slot for a notification that can be clicked.
    fn click_for(&self, n: &Notification) -> Option<PendingClick> {
        let on_click = self.on_click.clone()?;
        let target = ClickTarget::of(n)?;
        let reserved = self
            .waiting
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |w| {
                (w < MAX_WAITING).then_some(w + 1)
            })
            .is_ok();
        reserved.then(|| PendingClick {
            target,
            on_click,
            waiting: self.waiting.clone(),
        })
    }
}

impl Notifier for DesktopNotifier {
    fn show(&self, n: &Notification) -> Result<(), NotifyError> {
        let language = self.language();
        let text = texts::compose(n, language);
        let mut native = notify_rust::Notification::new();
        native
            .appname(APP_NAME)
            .summary(&text.summary)
            .body(&text.body)
            .icon(&self.icon);
        // Overdue work stays on an XDG desktop until dismissed instead of expiring unseen.
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            use voronka_core::notify::NotificationKind::{OverdueDigest, TaskOverdue};
            if matches!(n.kind, TaskOverdue | OverdueDigest) {
                native.urgency(notify_rust::Urgency::Critical);
            }
        }
        #[cfg(windows)]
        if let Some(app_id) = &self.app_id {
            native.app_id(app_id);
        }
        let click = self.click_for(n);
        present(&mut native, click, texts::open_label(language))
    }
}

/// A click a shown notification may still report. Frees its waiting slot when dropped.
#[cfg_attr(
    target_os = "macos",
    allow(dead_code, reason = "macOS reports no clicks (see the module's note)")
)]
struct PendingClick {
    target: ClickTarget,
    on_click: OnClick,
    waiting: Arc<AtomicUsize>,
}

impl Drop for PendingClick {
    fn drop(&mut self) {
        self.waiting.fetch_sub(1, Ordering::SeqCst);
    }
}

fn unavailable(e: notify_rust::error::Error) -> NotifyError {
    NotifyError::Unavailable(e.to_string())
}

#[cfg(not(target_os = "macos"))]
fn present(native: &mut notify_rust::Notification, click: Option<PendingClick>, open: &str) -> Result<(), NotifyError> {
    // XDG servers report a click on the body only for a notification with the `default` action;
    // on Windows a body click is reported anyway and every action would become a button.
    #[cfg(unix)]
    if click.is_some() {
        native.action("default", open);
    }
    #[cfg(not(unix))]
    let _ = open;
    let handle = native.show().map_err(unavailable)?;
    if let Some(click) = click {
        let waiter = std::thread::Builder::new()
            .name("notification-click".into())
            .spawn(move || {
                // The whole click moves here: its waiting slot lasts as long as the wait.
                let click = click;
                let result = handle.wait_for_response(|response: &notify_rust::NotificationResponse| {
                    use notify_rust::NotificationResponse::{Action, Default};
                    match response {
                        Default => (click.on_click)(click.target),
                        Action(key) if key == "default" => (click.on_click)(click.target),
                        _ => {}
                    }
                });
                if let Err(e) = result {
                    tracing::debug!("no click on a notification will be reported: {e}");
                }
            });
        // Without a thread the notification is still shown; only its click goes unheard.
        if let Err(e) = waiter {
            tracing::warn!("cannot wait for a notification's click: {e}");
        }
    }
    Ok(())
}

#[cfg(target_os = "macos")]
fn present(
    native: &mut notify_rust::Notification,
    click: Option<PendingClick>,
    _open: &str,
) -> Result<(), NotifyError> {
    // See the module's note: the handle sends the notification when dropped; a click is not
    // waited for, and the slot `click` holds is freed here.
    drop(click);
    native.show().map(drop).map_err(unavailable)
}
