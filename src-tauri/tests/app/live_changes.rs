//! The shell forwards the store's change feed to the UI as `changed` events, one per entity
//! and burst, and follows the session to another database or user.

use crate::session::{session, tempfile_dir};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tauri::Listener;
use tauri::test::{MockRuntime, mock_builder};
use tokio::sync::mpsc;
use voronka_app::live_changes::{CHANGED_EVENT, forward};
use voronka_core::model::{CompanyInput, Language};
use voronka_testdb::{Kind, TestDb};

/// The entities of every `changed` event the app emits, as they come.
fn heard(app: &tauri::App<MockRuntime>) -> mpsc::UnboundedReceiver<String> {
    let (tx, rx) = mpsc::unbounded_channel();
    app.listen(CHANGED_EVENT, move |event| {
        let payload: serde_json::Value = serde_json::from_str(event.payload()).unwrap();
        let _ = tx.send(payload["entity"].as_str().unwrap().to_string());
    });
    rx
}

/// The entities heard within `within`, once nothing more comes for half a second.
async fn entities(rx: &mut mpsc::UnboundedReceiver<String>, within: Duration) -> Vec<String> {
    let mut got = Vec::new();
    let until = Instant::now() + within;
    while let Ok(Some(e)) = tokio::time::timeout(until.saturating_duration_since(Instant::now()), rx.recv()).await {
        got.push(e);
    }
    got
}

fn company(name: &str, phone: &str) -> CompanyInput {
    CompanyInput {
        name: name.into(),
        work_phone: Some(phone.into()),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_reaches_the_ui_as_one_changed_event_per_entity_and_follows_a_switch() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let dir = tempfile_dir();
    let s = session(&db, &dir, Arc::default());
    s.open_at_start().await.unwrap();
    s.first_start("Олена Коваль", Language::Uk, false, &mut |_, _| {})
        .await
        .unwrap();
    let app = mock_builder().build(tauri::generate_context!()).unwrap();
    let mut rx = heard(&app);
    tokio::spawn(forward(app.handle().clone(), s.clone()));
    // The feed listens from its first turn; a write before it would be missed.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let (store, me) = s.actor().await.unwrap();
    let started = Instant::now();
    store
        .create_company(me, &company("ТОВ Дах", "+380671234567"))
        .await
        .unwrap();
    store
        .create_company(me, &company("ТОВ Стіна", "+380671234568"))
        .await
        .unwrap();
    let first = tokio::time::timeout(Duration::from_secs(1), rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first, "company");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "within a second: {:?}",
        started.elapsed()
    );
    let rest = entities(&mut rx, Duration::from_millis(500)).await;
    assert!(
        !rest.contains(&"company".to_string()),
        "two writes 1 ms apart come as one event: then {rest:?}"
    );

    // Another database: the feed is renewed on it.
    let other = TestDb::fresh(Kind::Sqlite).await.unwrap();
    s.open_file(std::path::Path::new(other.sqlite_path().unwrap()))
        .await
        .unwrap();
    s.first_start("Петро Іванів", Language::Uk, false, &mut |_, _| {})
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let _ = entities(&mut rx, Duration::from_millis(100)).await;
    let (store, me) = s.actor().await.unwrap();
    store
        .create_company(me, &company("ТОВ Вікна", "+380671234569"))
        .await
        .unwrap();
    let heard = entities(&mut rx, Duration::from_secs(1)).await;
    assert!(
        heard.contains(&"company".to_string()),
        "the new database's writes are heard: {heard:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teammates_write_on_another_desktop_reaches_this_ui_within_a_second() {
    let Some(db) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let (store, admin, _) = {
        let _one = crate::team::TEAM_INIT.lock().await;
        voronka_store::init_team(
            &db.url,
            &voronka_core::model::UserInput {
                name: "Ірина Адмін".into(),
                email: Some("iryna.live@firm.ua".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap()
    };
    // This desktop: the schema owner's credentials, as `--db`; the other: the same server.
    let s = session(&db, &tempfile_dir(), Arc::default());
    s.open_at_start().await.unwrap();
    let app = mock_builder().build(tauri::generate_context!()).unwrap();
    let mut rx = heard(&app);
    tokio::spawn(forward(app.handle().clone(), s.clone()));
    tokio::time::sleep(Duration::from_millis(1_000)).await;
    let _ = entities(&mut rx, Duration::from_millis(100)).await;

    let started = Instant::now();
    store
        .create_company(admin.meta.id, &company("ТОВ Дах", "+380671234567"))
        .await
        .unwrap();
    let first = tokio::time::timeout(Duration::from_secs(1), rx.recv()).await;
    let elapsed = started.elapsed();
    assert_eq!(
        first.ok().flatten().as_deref(),
        Some("company"),
        "heard within a second"
    );
    eprintln!("a teammate's company reached the UI in {elapsed:?}");
    store.close().await;
}
