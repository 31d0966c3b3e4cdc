//! `DesktopNotifier` on a real session bus. notify-rust finds the bus through
//! `DBUS_SESSION_BUS_ADDRESS`, which must be set before it connects; this process cannot set
//! its own environment safely, so each test runs this binary again as a child inside
//! `dbus-run-session`. The children are ignored tests that do their work only when the
//! parent says so.

use crate::harness::Ctx;
use chrono::Duration;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use voronka_core::model::Language;
use voronka_core::notify::{NotificationKind, Notifier, NotifyError, RecordingNotifier};
use voronka_notifier::{ClickTarget, DesktopNotifier, NotificationLoop};

const CHILD: &str = "VORONKA_NOTIFIER_CHILD";
const TITLE: &str = "Передзвонити ТОВ Дах щодо покрівлі";

/// A python that has dbusmock: Debian's, also when another python comes first on PATH.
fn python_with_dbusmock() -> Option<String> {
    ["python3", "/usr/bin/python3"]
        .into_iter()
        .map(str::to_string)
        .find(|py| {
            Command::new(py)
                .args(["-c", "import dbusmock"])
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

fn has_dbus_run_session() -> bool {
    Command::new("dbus-run-session")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The tools a session bus test needs, or `None` to skip it (never in CI).
fn tools() -> Option<String> {
    let python = python_with_dbusmock();
    let missing = match (&python, has_dbus_run_session()) {
        (Some(_), true) => None,
        (None, true) => Some("python3-dbusmock"),
        (Some(_), false) => Some("dbus-run-session (Debian: dbus-daemon)"),
        (None, false) => Some("dbus-run-session and python3-dbusmock"),
    };
    if let Some(missing) = missing {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{missing} is required in CI (scripts/ensure-tools.sh installs it)"
        );
        eprintln!("skipping the session bus test: {missing} is missing (scripts/ensure-tools.sh installs it)");
        return None;
    }
    python
}

/// Runs the ignored test `child` of this binary in a private session bus, after `prelude` (a
/// shell snippet) ran there; returns the child's output when it passed.
fn run_child(child: &str, prelude: &str, env: &[(&str, &Path)], python: &str) -> String {
    let script = format!(r#"{prelude}exec "$TEST_EXE" --exact {child} --ignored --nocapture --test-threads 1"#);
    let mut cmd = Command::new("timeout");
    cmd.args(["120", "dbus-run-session", "--", "sh", "-c", &script])
        .env("TEST_EXE", std::env::current_exe().expect("this test's binary"))
        .env("PY", python)
        .env(CHILD, "1");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let out = cmd.output().expect("dbus-run-session runs");
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "the child {child} failed:\n{text}");
    assert!(
        text.contains(&format!("test {child} ... ok")),
        "the child test ran and passed:\n{text}"
    );
    text
}

/// Starts the recording notification server and waits until its name is on the bus.
const WITH_NOTIFICATION_SERVER: &str = r#""$PY" -m dbusmock --session -t notification_daemon -l "$LOG" &
i=0
until "$PY" -c 'import dbus, sys; sys.exit(0 if dbus.SessionBus().name_has_owner("org.freedesktop.Notifications") else 1)' 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 200 ] || { echo "the notification server never came up" >&2; exit 3; }
  sleep 0.05
done
"#;

fn is_child() -> bool {
    std::env::var(CHILD).as_deref() == Ok("1")
}

#[test]
fn an_overdue_task_reaches_the_session_bus_once_and_a_click_opens_it() {
    let Some(python) = tools() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let log: PathBuf = dir.path().join("notifications.log");
    let db: PathBuf = dir.path().join("voronka.db");
    run_child(
        "dbus::child_delivers_overdue_task",
        WITH_NOTIFICATION_SERVER,
        &[("LOG", &log), ("VORONKA_NOTIFIER_DB", &db)],
        &python,
    );
    let recorded = std::fs::read_to_string(&log).expect("the notification server's log");
    let calls: Vec<&str> = recorded.lines().filter(|l| l.contains(" Notify ")).collect();
    assert_eq!(
        calls.len(),
        1,
        "three ticks over two stores show the overdue task once:\n{recorded}"
    );
    assert!(calls[0].contains(TITLE), "the notice names the task: {}", calls[0]);
    assert!(calls[0].contains("\"Voronka\""), "as the app Voronka: {}", calls[0]);
    assert!(
        calls[0].contains("Overdue: "),
        "in the user's language (English): {}",
        calls[0]
    );
    assert!(
        calls[0].contains("\"default\""),
        "with the default action, so a click opens the task: {}",
        calls[0]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by an_overdue_task_reaches_the_session_bus_once_and_a_click_opens_it inside a private session bus"]
async fn child_delivers_overdue_task() {
    if !is_child() {
        return;
    }
    let db = std::env::var("VORONKA_NOTIFIER_DB").expect("the parent names the database file");
    let ctx = Ctx::at(format!("sqlite:{db}"), None).await;
    let clicks: Arc<Mutex<Vec<ClickTarget>>> = Arc::default();
    let on_click = {
        let clicks = clicks.clone();
        Arc::new(move |t: ClickTarget| clicks.lock().unwrap_or_else(|e| e.into_inner()).push(t))
    };
    let desk = Arc::new(DesktopNotifier::new("voronka", Language::En, on_click));
    let ticks = NotificationLoop::new(ctx.store.clone(), ctx.user, desk.clone());
    assert!(ticks.tick().await.expect("a tick").is_empty(), "nothing due yet");
    let task = ctx.task_due_in(5, TITLE).await;
    ctx.clock.advance(Duration::minutes(6));
    let shown = ticks.tick().await.expect("the notification server shows it");
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].kind, NotificationKind::TaskOverdue);
    assert_eq!(
        desk.waiting_for_clicks(),
        1,
        "the overdue task's notice waits for a click on a thread of its own"
    );
    ctx.clock.advance(Duration::minutes(1));
    assert!(
        ticks.tick().await.expect("a tick").is_empty(),
        "second tick: nothing new"
    );

    let restarted = ctx.reopen().await;
    ctx.clock.advance(Duration::minutes(1));
    let after_restart = NotificationLoop::new(restarted.clone(), ctx.user, desk.clone());
    assert!(
        after_restart.tick().await.expect("a tick").is_empty(),
        "a restarted app finds it delivered"
    );
    assert!(
        clicks.lock().unwrap_or_else(|e| e.into_inner()).is_empty(),
        "nobody clicked yet"
    );

    // A click: the server says the default action of notification 1 (dbusmock's first id) was
    // invoked. Said again until heard, since the waiting thread subscribes after `show` returned.
    let python = std::env::var("PY").expect("the parent names the python");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while clicks.lock().unwrap_or_else(|e| e.into_inner()).is_empty() {
        assert!(std::time::Instant::now() < deadline, "the click was never reported");
        let emitted = Command::new(&python)
            .args(["-c", CLICK_NOTIFICATION_1])
            .status()
            .expect("python runs");
        assert!(emitted.success(), "the mock server emits ActionInvoked");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        *clicks.lock().unwrap_or_else(|e| e.into_inner()),
        [ClickTarget::Task(task.meta.id)],
        "a click opens the overdue task, once"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while desk.waiting_for_clicks() > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the waiting thread ends after the click"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    restarted.close().await;
}

const CLICK_NOTIFICATION_1: &str = r#"
import dbus
server = dbus.SessionBus().get_object("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
server.EmitSignal("org.freedesktop.Notifications", "ActionInvoked", "us", [dbus.UInt32(1), "default"],
                  dbus_interface="org.freedesktop.DBus.Mock")
"#;

#[test]
fn without_a_notification_server_show_fails_and_nothing_is_recorded() {
    let Some(python) = tools() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db: PathBuf = dir.path().join("voronka.db");
    run_child(
        "dbus::child_without_server",
        "",
        &[("VORONKA_NOTIFIER_DB", &db)],
        &python,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by without_a_notification_server_show_fails_and_nothing_is_recorded inside a private session bus"]
async fn child_without_server() {
    if !is_child() {
        return;
    }
    let db = std::env::var("VORONKA_NOTIFIER_DB").expect("the parent names the database file");
    let ctx = Ctx::at(format!("sqlite:{db}"), None).await;
    let clicked = Arc::new(AtomicUsize::new(0));
    let on_click = {
        let clicked = clicked.clone();
        Arc::new(move |_: ClickTarget| {
            clicked.fetch_add(1, Ordering::SeqCst);
        })
    };
    let desk = Arc::new(DesktopNotifier::new("voronka", Language::Uk, on_click));
    let ticks = NotificationLoop::new(ctx.store.clone(), ctx.user, desk.clone());
    ticks.tick().await.expect("nothing to show, so nothing fails");
    ctx.task_due_in(5, TITLE).await;
    ctx.clock.advance(Duration::minutes(6));

    let refused = ticks.tick().await.expect_err("no notification server on the bus");
    assert_eq!(refused.code, voronka_core::ErrorCode::Unreachable, "{refused:?}");
    assert_eq!(
        desk.waiting_for_clicks(),
        0,
        "a notification never shown waits for nothing"
    );

    // The same notification through the port directly: an error, not a panic.
    let recorder = RecordingNotifier::new();
    ctx.clock.advance(Duration::minutes(1));
    let retried = ctx
        .store
        .deliver_notifications(ctx.user, &recorder)
        .await
        .expect("a desktop that accepts");
    assert_eq!(
        retried.iter().map(|n| n.title.as_str()).collect::<Vec<_>>(),
        [TITLE],
        "the refused tick recorded no delivery, so the next tick brings it"
    );
    match desk.show(&retried[0]) {
        Err(NotifyError::Unavailable(why)) => assert!(!why.is_empty()),
        Ok(()) => panic!("shown without a notification server"),
    }
}
