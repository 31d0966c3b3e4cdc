//! Where a team password may go (the database driver and the keychain) and where it never
//! does: the settings file, the session's `Debug`, the logs. The keychain is a port the tests
//! cannot reach on the OS, so its refusal is played by a store of secrets that refuses.

use crate::session::{TEAM_SECRET, TeamDb, session, tempfile_dir};
use std::sync::{Arc, Mutex};
use voronka_app::config::ConfigFile;
use voronka_app::{Session, Startup};
use voronka_core::connection::{MemorySecrets, Secret, SecretStore, TeamConnection, TlsMode};
use voronka_core::model::Language;
use voronka_core::{Error, ErrorCode};
use voronka_testdb::{Kind, TestDb};

/// Everything logged on this thread while it is installed, as text.
#[derive(Clone, Default)]
pub struct Logs(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Logs {
    /// Captures every event of every level logged on this thread until the guard is dropped.
    pub fn capture() -> (Logs, tracing::subscriber::DefaultGuard) {
        let logs = Logs::default();
        let writer = logs.clone();
        let guard = tracing::subscriber::set_default(
            tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_ansi(false)
                .with_writer(move || writer.clone())
                .finish(),
        );
        (logs, guard)
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

// One thread: the subscriber is this thread's, and the session's work all happens on it.
#[tokio::test]
async fn a_team_password_reaches_no_settings_file_debug_or_log() {
    // Made before the logs are captured: its own SQL gives the login its password.
    let Some(team_db) = TeamDb::fresh().await else {
        return;
    };
    let (logs, _capture) = Logs::capture();
    let dir = tempfile_dir();
    let settings = dir.join("settings.json");
    let t = &team_db.team;
    let shown = format!("postgres://{}@{}:{}/{}", t.user, t.host, t.port, t.database);

    // `--db` with the password in either place a URL holds one.
    for url in [
        format!(
            "postgres://{}:{TEAM_SECRET}@{}:{}/{}?sslmode=disable",
            t.user, t.host, t.port, t.database
        ),
        format!(
            "postgres://{}@{}:{}/{}?password={TEAM_SECRET}&sslmode=disable",
            t.user, t.host, t.port, t.database
        ),
    ] {
        let s = Session::new(
            Some(url),
            ConfigFile::at(Some(settings.clone())),
            Arc::new(MemorySecrets::default()),
        );
        s.open_at_start().await.unwrap();
        let info = s
            .first_start("Олена Коваль", Language::Uk, false, &mut |_, _| {})
            .await
            .map(|_| ());
        info.unwrap();
        assert_eq!(s.info().await.unwrap().database, shown);
        let debug = format!("{s:?}");
        assert!(debug.contains(&shown) && !debug.contains(TEAM_SECRET), "{debug}");
    }
    let saved = std::fs::read_to_string(&settings).unwrap();
    assert!(
        saved.contains(&shown),
        "the signed-in user is keyed by the database: {saved}"
    );
    assert!(!saved.contains(TEAM_SECRET), "{saved}");

    // A `--db` that cannot be reached is logged and shown, without its password.
    let unreachable = format!("postgres://{}:{TEAM_SECRET}@{}:1/{}", t.user, t.host, t.database);
    let s = Session::new(
        Some(unreachable),
        ConfigFile::at(Some(settings.clone())),
        Arc::new(MemorySecrets::default()),
    );
    s.open_at_start().await.unwrap_err();
    let Startup::Problem(problem) = s.startup().await.unwrap() else {
        panic!("an unreachable --db is a start-up problem")
    };
    let shown = format!("{problem:?} {s:?}");
    assert!(!shown.contains(TEAM_SECRET), "{shown}");

    // The Team database form: the password goes to the keychain only.
    let local = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let secrets = Arc::new(MemorySecrets::default());
    let s = session(&local, &dir, secrets.clone());
    s.open_at_start().await.unwrap();
    s.connect_team(t.clone(), Secret::new(TEAM_SECRET)).await.unwrap();
    assert!(secrets.get(&t.secret_key()).unwrap().is_some());
    let debug = format!("{s:?}");
    assert!(!debug.contains(TEAM_SECRET), "{debug}");
    let saved = std::fs::read_to_string(&settings).unwrap();
    assert!(saved.contains("\"team\"") && !saved.contains(TEAM_SECRET), "{saved}");

    let logged = logs.text();
    assert!(
        logged.contains("cannot open") && logged.contains(&t.database),
        "the logs were captured: {logged}"
    );
    assert!(!logged.contains(TEAM_SECRET), "{logged}");
}

/// A keychain that will not keep anything: a locked or missing Secret Service, a refused prompt.
#[derive(Debug)]
struct RefusingKeychain;

impl SecretStore for RefusingKeychain {
    fn get(&self, _: &str) -> voronka_core::Result<Option<Secret>> {
        Ok(None)
    }
    fn set(&self, _: &str, _: &Secret) -> voronka_core::Result<()> {
        Err(Error::new(ErrorCode::Keychain, "the Secret Service is locked"))
    }
    fn delete(&self, _: &str) -> voronka_core::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keychain_that_refuses_the_password_leaves_the_current_database_and_saves_nothing() {
    let local = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let Some(team_db) = TeamDb::fresh().await else {
        return;
    };
    let dir = tempfile_dir();
    let settings = dir.join("settings.json");
    let s = Session::new(
        Some(local.url.clone()),
        ConfigFile::at(Some(settings.clone())),
        Arc::new(RefusingKeychain),
    );
    s.open_at_start().await.unwrap();
    let err = s
        .connect_team(team_db.team.clone(), Secret::new(TEAM_SECRET))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Keychain, Some("password")),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("Secret Service is locked"),
        "it says why: {}",
        err.message
    );
    let info = s.info().await.unwrap();
    assert_eq!(
        (info.backend.as_str(), info.database.as_str()),
        ("sqlite", local.url.as_str()),
        "the app stays on the database it was on"
    );
    assert!(
        ConfigFile::at(Some(settings)).get().team.is_none(),
        "no team connection is saved that the next start could not open"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_full_refuses_a_server_whose_certificate_it_cannot_verify() {
    let local = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let Some(team_db) = TeamDb::fresh().await else {
        return;
    };
    let secrets = Arc::new(MemorySecrets::default());
    let s = session(&local, &tempfile_dir(), secrets.clone());
    s.open_at_start().await.unwrap();
    let strict = TeamConnection {
        tls_mode: TlsMode::VerifyFull,
        ..team_db.team.clone()
    };
    // The test server has no TLS, or a self-signed certificate no authority vouches for.
    let err = s
        .connect_team(strict.clone(), Secret::new(TEAM_SECRET))
        .await
        .unwrap_err();
    // The refusal is the certificate's (rustls's UnknownIssuer, or no TLS at all): the TLS
    // settings are what to change.
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::TlsRequired, Some("tls_mode")),
        "{}",
        err.message
    );
    assert_eq!(s.info().await.unwrap().backend, "sqlite");
    assert!(secrets.get(&strict.secret_key()).unwrap().is_none());

    let missing = TeamConnection {
        root_cert: Some("/nonexistent/team-root.pem".into()),
        ..strict
    };
    let err = s.connect_team(missing, Secret::new(TEAM_SECRET)).await.unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Invalid, Some("root_cert"))
    );

    // The same login without verification gets in: it was the certificate that was refused.
    let info = s
        .connect_team(
            TeamConnection {
                tls_mode: TlsMode::Prefer,
                ..team_db.team.clone()
            },
            Secret::new(TEAM_SECRET),
        )
        .await
        .unwrap();
    assert_eq!(info.backend, "postgres");
}
