//! What runs beside the window while someone is signed in: the notification ticks (with rule 1's
//! lead rotation step), the team's gong and the tray's count of overdue tasks. Each loop reads the session on every turn, so a
//! switch of database or user is followed without restarting anything.

use crate::session::Session;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Manager, Runtime};
use tauri_specta::Event;
use voronka_core::model::User;
use voronka_core::notify::GongEvent;
use voronka_core::rights::Rights;
use voronka_notifier::{ClickTarget, DesktopNotifier};

/// How often the notification scheduler looks at the clock: reminders land within this.
const TICK: Duration = Duration::from_secs(30);
/// How often the daily backup of a local file checks whether one is due.
const BACKUP_CHECK: Duration = Duration::from_secs(600);
/// The first check waits until the start-up's own work is done.
const FIRST_BACKUP_CHECK: Duration = Duration::from_secs(120);
/// How long a gong feed waits before checking that its database is still the open one.
const FEED_CHECK: Duration = Duration::from_secs(2);

/// A gong rang: the UI plays the sound and adds it to the feed.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct GongRung(pub GongEvent);

/// A desktop notification was clicked: the UI opens the task's or the deal's card.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct OpenRecord {
    /// "/deals/<id>" or "/today".
    pub route: String,
}

/// Starts the loops; they live as long as the app.
pub fn start(app: &AppHandle) -> tauri::Result<()> {
    let session = app.state::<Session>().inner().clone();
    let tray = tray(app)?;
    let clicks = app.clone();
    let icon = app
        .path()
        .resource_dir()
        .map(|d| d.join("icons/128x128.png").to_string_lossy().into_owned())
        .unwrap_or_else(|_| "voronka".into());
    let notifier = Arc::new(
        DesktopNotifier::new(
            icon,
            voronka_core::model::Language::Uk,
            Arc::new(move |target: ClickTarget| {
                let route = match target {
                    ClickTarget::Deal(id) => format!("/deals/{id}"),
                    ClickTarget::Task(_) => "/today".to_string(),
                };
                if let Some(window) = clicks.get_webview_window("main") {
                    let _ = window.show();
                    let _ = window.set_focus();
                }
                let _ = OpenRecord { route }.emit(&clicks);
            }),
        )
        .with_app_id(app.config().identifier.clone()),
    );
    tauri::async_runtime::spawn(ticks(session.clone(), notifier.clone(), tray));
    tauri::async_runtime::spawn(gongs(app.clone(), session.clone(), notifier));
    tauri::async_runtime::spawn(daily_backups(session.clone()));
    tauri::async_runtime::spawn(crate::live_changes::forward(app.clone(), session));
    Ok(())
}

fn tray<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<TrayIcon<R>> {
    let mut builder = TrayIconBuilder::with_id("main").tooltip("Voronka");
    if let Some(icon) = app.default_window_icon().cloned() {
        builder = builder.icon(icon);
    }
    builder
        .on_tray_icon_event(|tray, _| {
            if let Some(window) = tray.app_handle().get_webview_window("main") {
                let _ = window.show();
                let _ = window.set_focus();
            }
        })
        .build(app)
}

/// Every [`TICK`]: what fell due reaches the desktop once, and the tray counts what is overdue.
async fn ticks<R: Runtime>(session: Session, notifier: Arc<DesktopNotifier>, tray: TrayIcon<R>) {
    let mut every = tokio::time::interval(TICK);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let Ok((store, me)) = session.actor().await else {
            continue;
        };
        if let Ok(user) = store.get::<User>(me).await {
            notifier.set_language(user.data.language);
            // Rule 1: every head's and admin's desktop steps the lead rotation; the store hands
            // each lead over once however many step at the same moment, and a manager's login
            // may not hand leads over at all.
            if Rights::of(user.data.role).regulations
                && let Err(e) = store.rotate_leads(me).await
            {
                tracing::warn!("lead rotation: {e}");
            }
        }
        if let Err(e) = store.deliver_notifications(me, notifier.as_ref()).await {
            // A missing notification server: nothing is recorded, the next tick tries again.
            tracing::warn!("notifications not delivered: {e}");
        }
        match store.overdue_count(me).await {
            Ok(n) => {
                let text = if n == 0 {
                    "Voronka".to_string()
                } else {
                    format!("Voronka: {n} overdue")
                };
                let _ = tray.set_tooltip(Some(&text));
                #[cfg(any(target_os = "linux", target_os = "macos"))]
                let _ = tray.set_title(Some(if n == 0 { String::new() } else { n.to_string() }));
                #[cfg(not(any(target_os = "linux", target_os = "macos")))]
                let _ = n;
            }
            Err(e) => tracing::warn!("overdue count: {e}"),
        }
    }
}

/// A local file is backed up when its newest backup is a day old (checked soon after start,
/// then every [`BACKUP_CHECK`]); the seven newest are kept. A team database has none here.
async fn daily_backups(session: Session) {
    let first = tokio::time::Instant::now() + FIRST_BACKUP_CHECK;
    let mut every = tokio::time::interval_at(first, BACKUP_CHECK);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        match session.back_up_if_due().await {
            Ok(Some(backup)) => tracing::info!("backed up to {}", backup.path),
            Ok(None) => {}
            Err(e) if e.code == voronka_core::ErrorCode::InvalidState => {}
            Err(e) => tracing::warn!("daily backup: {e}"),
        }
    }
}

/// The team's gong: every event of the open database's feed goes to the UI and to the desktop
/// (once per user and event, unless muted). What rang while the app was closed reaches the
/// desktop on start, from where this user's desktop left off, as one digest when there are many.
async fn gongs(app: AppHandle, session: Session, notifier: Arc<DesktopNotifier>) {
    loop {
        let generation = session.generation();
        let Ok((store, me)) = session.actor().await else {
            tokio::time::sleep(FEED_CHECK).await;
            continue;
        };
        let newest = match store.last_gong_seq().await {
            Ok(seq) => seq,
            Err(e) => {
                tracing::warn!("gong feed: {e}");
                tokio::time::sleep(FEED_CHECK).await;
                continue;
            }
        };
        // The missed gongs may come before the first tick: they speak the user's stored language.
        if let Ok(user) = store.get::<User>(me).await {
            notifier.set_language(user.data.language);
        }
        missed_gongs(&store, me, newest, notifier.as_ref()).await;
        let mut feed = match store.gong_feed(Some(newest)).await {
            Ok(feed) => feed,
            Err(e) => {
                tracing::warn!("gong feed: {e}");
                tokio::time::sleep(FEED_CHECK).await;
                continue;
            }
        };
        while session.generation() == generation {
            let event = match tokio::time::timeout(FEED_CHECK, feed.recv()).await {
                Err(_) => continue,
                Ok(Err(e)) => {
                    tracing::warn!("gong feed: {e}");
                    break;
                }
                Ok(Ok(event)) => event,
            };
            let _ = GongRung(event.clone()).emit(&app);
            if let Err(e) = store.deliver_gongs(me, &[event], Some(notifier.as_ref())).await {
                tracing::warn!("gong not shown: {e}");
            }
        }
    }
}

/// The most missed gongs read on start; a digest counts them, so more would add nothing.
const MISSED_GONGS: u32 = 1_000;

/// Shows what rang between this user's last seen gong and `newest`. A user whose desktop has
/// never taken a gong in starts from now: the team's history is in the feed, not on the desktop.
async fn missed_gongs(store: &voronka_store::Store, me: voronka_core::Id, newest: i64, notifier: &DesktopNotifier) {
    let seen = match store.gong_seen(me).await {
        Ok(Some(seen)) if seen < newest => seen,
        Ok(Some(_)) => return,
        Ok(None) => {
            if let Err(e) = store.mark_gongs_seen(me, newest).await {
                tracing::warn!("gong feed: {e}");
            }
            return;
        }
        Err(e) => return tracing::warn!("gong feed: {e}"),
    };
    let missed = match store.gong_since(seen, MISSED_GONGS).await {
        Ok(missed) => missed,
        Err(e) => return tracing::warn!("gong feed: {e}"),
    };
    if let Err(e) = store.deliver_gongs(me, &missed, Some(notifier)).await {
        tracing::warn!("missed gongs not shown: {e}");
    }
}
