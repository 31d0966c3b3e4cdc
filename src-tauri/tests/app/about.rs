//! Settings → About through the real command on both backends, and the log file it points to:
//! written by the app's own layer, rotated by day, and never holding a password.

use crate::commands::{Person, app_with_logs, invoke};
use crate::session::{session, tempfile_dir};
use serde_json::json;
use std::sync::Arc;
use tracing_subscriber::layer::SubscriberExt;
use voronka_app::Session;
use voronka_app::config::ConfigFile;
use voronka_app::logging::LogFiles;
use voronka_core::connection::MemorySecrets;
use voronka_testdb::{Kind, TestDb};

/// The password in the test server's URL, put there when it has none (the server then trusts
/// local connections, so it only has to be there): About must hide it either way.
fn password_in(url: &mut String) -> String {
    let mut parsed = url::Url::parse(url).unwrap();
    if parsed.password().is_none() {
        parsed.set_password(Some("about-hides-this")).unwrap();
        *url = parsed.to_string();
    }
    parsed.password().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn about_names_the_version_the_database_and_where_the_log_is_on_both_backends() {
    for kind in [Kind::Sqlite, Kind::Postgres] {
        let Some(mut db) = TestDb::fresh(kind).await else {
            continue;
        };
        let password = (kind == Kind::Postgres).then(|| password_in(&mut db.url));
        let dir = tempfile_dir();
        let s = session(&db, &dir, Arc::default());
        s.open_at_start().await.unwrap();
        let logs = LogFiles::at(Some(dir.join("logs")));
        let (_app, webview) = app_with_logs(s, &Person::default(), logs);
        let about = invoke(&webview, "about", json!({})).unwrap();
        assert_eq!(about["version"], env!("CARGO_PKG_VERSION"), "{about}");
        let database = about["database"].as_str().unwrap();
        match kind {
            Kind::Sqlite => {
                assert_eq!(about["backend"], "sqlite");
                assert_eq!(database, db.url, "a file is named by its path");
            }
            Kind::Postgres => {
                assert_eq!(about["backend"], "postgres");
                // The session was opened with a password in its URL; About never shows it.
                let password = password.unwrap();
                assert!(!database.contains(&format!(":{password}@")), "no password: {database}");
                assert!(db.url.ends_with(database.rsplit('/').next().unwrap()), "{database}");
            }
        }
        // No line written yet: the folder the file will be in.
        assert_eq!(about["log_file"], dir.join("logs").display().to_string());
        assert_eq!(about["settings_file"], dir.join("settings.json").display().to_string());
        assert!(about["data_folder"].as_str().unwrap().ends_with("Voronka"), "{about}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn about_a_database_that_failed_at_start_names_it_without_its_password() {
    let dir = tempfile_dir();
    let secret = "Qx8-log-file-secret";
    let s = Session::new(
        Some(format!("postgres://olena:{secret}@127.0.0.1:1/crm")),
        ConfigFile::at(Some(dir.join("settings.json"))),
        Arc::new(MemorySecrets::default()),
    );
    s.open_at_start().await.unwrap_err();
    let (_app, webview) = app_with_logs(s, &Person::default(), LogFiles::at(None));
    let about = invoke(&webview, "about", json!({})).unwrap();
    assert_eq!(about["database"], "postgres://olena@127.0.0.1:1/crm", "{about}");
    assert_eq!(about["backend"], serde_json::Value::Null, "nothing is open");
    assert_eq!(about["log_file"], serde_json::Value::Null, "no log folder, no file");
}

// One thread: the subscriber is this thread's, and the session's work all happens on it.
#[tokio::test]
async fn the_log_file_keeps_the_apps_steps_and_warnings_and_no_password() {
    let dir = tempfile_dir();
    let secret = "Wb3-rotating-log-secret";
    let logs = LogFiles::at(Some(dir.join("logs")));
    let subscriber = tracing_subscriber::registry().with(logs.layer::<tracing_subscriber::Registry>());
    let guard = tracing::subscriber::set_default(subscriber);

    // The app's own warning about a `--db` it could not open: the database by its key.
    let s = Session::new(
        Some(format!("postgres://olena:{secret}@127.0.0.1:1/crm?password={secret}")),
        ConfigFile::at(Some(dir.join("settings.json"))),
        Arc::new(MemorySecrets::default()),
    );
    s.open_at_start().await.unwrap_err();
    // A library quoting a connection URL, or a connection string, in its own words.
    tracing::warn!(
        target: "sqlx::pool",
        "retrying postgres://olena:{secret}@db.voronka.ua:5432/crm after host=db password = '{secret}' failed"
    );
    tracing::info!(target: "voronka_app", "the window shows first_start");
    // A library's statement log, which could hold a role's password, is not the file's.
    tracing::info!(target: "sqlx::query", "ALTER ROLE olena PASSWORD 'statement-text'");
    drop(guard);

    let file = logs.current().expect("a log file was written");
    let name = file.file_name().unwrap().to_str().unwrap().to_string();
    let today = voronka_core::Clock::now(&voronka_core::SystemClock).format("%Y-%m-%d");
    assert_eq!(name, format!("voronka.{today}.log"), "one file a day");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("cannot open postgres://olena@127.0.0.1:1/crm"), "{text}");
    assert!(
        text.contains("retrying postgres://olena:***@db.voronka.ua:5432/crm"),
        "{text}"
    );
    assert!(text.contains("password = ***"), "{text}");
    assert!(text.contains("the window shows first_start"), "{text}");
    assert!(!text.contains("statement-text"), "{text}");
    assert!(!text.contains(secret), "{text}");
}
