use std::sync::Arc;
use voronka_app::Session;
use voronka_app::config::ConfigFile;
use voronka_core::ErrorCode;
use voronka_core::connection::{MemorySecrets, Secret, SecretStore, TeamConnection, TlsMode};
use voronka_core::model::{Language, Role};
use voronka_testdb::{Kind, TestDb};

pub fn session(db: &TestDb, config: &std::path::Path, secrets: Arc<MemorySecrets>) -> Session {
    Session::new(
        Some(db.url.clone()),
        ConfigFile::at(Some(config.join("settings.json"))),
        secrets,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_start_makes_an_admin_and_is_remembered() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let dir = tempfile_dir();
    let s = session(&db, &dir, Arc::default());
    s.open_at_start().await.unwrap();
    let info = s.info().await.unwrap();
    assert!(
        info.first_start && info.user.is_none(),
        "a fresh database asks who you are"
    );
    let err = s
        .first_start("  ", Language::En, false, &mut |_, _| {})
        .await
        .unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Invalid, Some("name")));
    let me = s
        .first_start("Олена Коваль", Language::Uk, false, &mut |_, _| {})
        .await
        .unwrap();
    assert_eq!(
        me.data.role,
        Role::Admin,
        "the only person in a local database administers it"
    );
    assert_eq!(
        s.store().await.unwrap().list_pipelines().await.unwrap().len(),
        1,
        "the default pipeline is installed"
    );
    // A restart reads the same settings file and signs the same person in.
    let again = session(&db, &dir, Arc::default());
    again.open_at_start().await.unwrap();
    let info = again.info().await.unwrap();
    assert_eq!(info.user.map(|u| u.meta.id), Some(me.meta.id));
    assert!(!info.first_start);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_start_with_demo_data_fills_today() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let dir = tempfile_dir();
    let s = session(&db, &dir, Arc::default());
    s.open_at_start().await.unwrap();
    let mut seen = Vec::new();
    let me = s
        .first_start("Тарас Шевченко", Language::Uk, true, &mut |done, total| {
            seen.push((done, total))
        })
        .await
        .unwrap();
    let last = *seen.last().expect("loading the demo reports its progress");
    assert_eq!(last.0, last.1, "the last report is the whole demo: {seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "progress never goes back: {seen:?}"
    );
    assert_eq!(
        (me.data.name.as_str(), me.data.role),
        ("Тарас Шевченко", Role::Manager),
        "the person takes over a demo manager"
    );
    let (store, id) = s.actor().await.unwrap();
    assert_eq!(id, me.meta.id);
    let today = store.today(id).await.unwrap();
    let tasks = today.overdue.len() + today.today.len() + today.tomorrow.len() + today.later.len();
    assert!(tasks > 0, "a demo manager has tasks to do");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_team_connection_says_why_and_keeps_the_old_database() {
    let local = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let Some(team_db) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let dir = tempfile_dir();
    let secrets = Arc::new(MemorySecrets::default());
    let s = session(&local, &dir, secrets.clone());
    s.open_at_start().await.unwrap();
    let before = s.info().await.unwrap().database;

    let (host, port, database, user, password) = parts(&team_db.url);
    let wrong = TeamConnection {
        host: host.clone(),
        port: 1,
        database: database.clone(),
        user: user.clone(),
        tls_mode: TlsMode::Disable,
    };
    let err = s.connect_team(wrong.clone(), Secret::new("pw")).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Unreachable, "{}", err.message);
    assert_eq!(
        s.info().await.unwrap().database,
        before,
        "the local database stays open"
    );
    assert!(
        secrets.get(&wrong.secret_key()).unwrap().is_none(),
        "a failed connection stores no password"
    );
    let err = s
        .connect_team(
            TeamConnection {
                host: String::new(),
                ..wrong
            },
            Secret::new("pw"),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("host"),
        "the form's fields are checked before connecting"
    );

    let team = TeamConnection {
        host,
        port,
        database,
        user,
        tls_mode: TlsMode::Disable,
    };
    let info = s
        .connect_team(team.clone(), Secret::new(password.clone()))
        .await
        .unwrap();
    assert_eq!(info.backend, "postgres");
    assert_eq!(info.team.as_ref(), Some(&team));
    assert!(
        info.database.contains(":***@") && !info.database.contains(&format!(":{password}@")),
        "the shown URL has no password: {}",
        info.database
    );
    assert_eq!(
        secrets.get(&team.secret_key()).unwrap().map(|p| p.expose().to_string()),
        Some(password),
        "the password went to the keychain"
    );
    let saved = std::fs::read_to_string(dir.join("settings.json")).unwrap();
    assert!(
        saved.contains("\"team\"") && !saved.contains("secret-word"),
        "the settings file holds the connection, never the password"
    );

    // A restart reconnects with the keychain's password.
    let again = Session::new(None, ConfigFile::at(Some(dir.join("settings.json"))), secrets.clone());
    again.open_at_start().await.unwrap();
    assert_eq!(again.info().await.unwrap().backend, "postgres");

    let back = s.use_local().await.unwrap();
    assert_eq!(back.backend, "sqlite");
    assert!(
        secrets.get(&team.secret_key()).unwrap().is_none(),
        "leaving the team forgets its password"
    );
    drop(team_db);
}

/// host, port, database, user and password of a postgres:// URL (the test server's).
fn parts(url: &str) -> (String, u16, String, String, String) {
    let rest = url.strip_prefix("postgres://").unwrap();
    let (creds, rest) = rest.split_once('@').unwrap();
    let (user, password) = creds.split_once(':').unwrap_or((creds, ""));
    let (hostport, database) = rest.split_once('/').unwrap();
    let (host, port) = hostport.split_once(':').unwrap_or((hostport, "5432"));
    let password = if password.is_empty() {
        "secret-word".to_string()
    } else {
        password.to_string()
    };
    (
        host.into(),
        port.parse().unwrap(),
        database.into(),
        user.into(),
        password,
    )
}

pub fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("voronka-app-test-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
