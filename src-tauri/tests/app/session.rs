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
    let Some(team_db) = TeamDb::fresh().await else {
        return;
    };
    let dir = tempfile_dir();
    let secrets = Arc::new(MemorySecrets::default());
    let s = session(&local, &dir, secrets.clone());
    s.open_at_start().await.unwrap();
    let before = s.info().await.unwrap().database;

    let team = team_db.team.clone();
    let wrong = TeamConnection {
        port: 1,
        ..team.clone()
    };
    let err = s
        .connect_team(wrong.clone(), Secret::new(TEAM_SECRET))
        .await
        .unwrap_err();
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
            Secret::new(TEAM_SECRET),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("host"),
        "the form's fields are checked before connecting"
    );

    let info = s.connect_team(team.clone(), Secret::new(TEAM_SECRET)).await.unwrap();
    assert_eq!(info.backend, "postgres");
    assert_eq!(info.team.as_ref(), Some(&team));
    assert_eq!(
        info.database,
        format!("postgres://{}@{}:{}/{}", team.user, team.host, team.port, team.database),
        "the database is shown by user, host, port and name"
    );
    assert_eq!(
        secrets.get(&team.secret_key()).unwrap().map(|p| p.expose().to_string()),
        Some(TEAM_SECRET.to_string()),
        "the password went to the keychain"
    );
    s.first_start("Олена Коваль", Language::Uk, false, &mut |_, _| {})
        .await
        .unwrap();
    let saved = std::fs::read_to_string(dir.join("settings.json")).unwrap();
    assert!(
        saved.contains("\"team\"") && saved.contains(&team.user),
        "the settings file holds the connection and who signed in: {saved}"
    );
    assert!(!saved.contains(TEAM_SECRET), "never the password: {saved}");

    // A restart reconnects with the keychain's password.
    let again = Session::new(None, ConfigFile::at(Some(dir.join("settings.json"))), secrets.clone());
    again.open_at_start().await.unwrap();
    let info = again.info().await.unwrap();
    assert_eq!(info.backend, "postgres");
    assert!(!info.first_start, "the same person is signed in again");

    let back = s.use_local().await.unwrap();
    assert_eq!(back.backend, "sqlite");
    assert!(
        secrets.get(&team.secret_key()).unwrap().is_none(),
        "leaving the team forgets its password"
    );
}

/// The password of the tests' team logins: no default setup uses it, so finding it anywhere
/// (a file, a `Debug`, a log line) can only be a leak.
pub const TEAM_SECRET: &str = "Zq9-xV7-team-secret";

/// A PostgreSQL database owned by a login of its own with the password [`TEAM_SECRET`]; the
/// login and the database go when it is dropped.
pub struct TeamDb {
    pub team: TeamConnection,
    admin_url: String,
    _db: TestDb,
}

impl TeamDb {
    /// `None` when no PostgreSQL answers outside CI (as [`TestDb::fresh`]).
    pub async fn fresh() -> Option<TeamDb> {
        use sqlx::Connection;
        let db = TestDb::fresh(Kind::Postgres).await?;
        let admin_url =
            std::env::var("VORONKA_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let database = db.url.rsplit('/').next().unwrap().to_string();
        let user = format!("voronka_team_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(&admin_url).await.unwrap();
        for sql in [
            format!("CREATE ROLE {user} LOGIN PASSWORD '{TEAM_SECRET}'"),
            format!("ALTER DATABASE {database} OWNER TO {user}"),
        ] {
            sqlx::query(&sql).execute(&mut conn).await.unwrap();
        }
        let server = admin_url.rsplit_once('@').map_or(admin_url.as_str(), |(_, s)| s);
        let server = server.split('/').next().unwrap();
        let (host, port) = server.split_once(':').unwrap_or((server, "5432"));
        Some(TeamDb {
            team: TeamConnection {
                host: host.into(),
                port: port.parse().unwrap(),
                database,
                user,
                tls_mode: TlsMode::Disable,
                root_cert: None,
            },
            admin_url,
            _db: db,
        })
    }
}

impl Drop for TeamDb {
    fn drop(&mut self) {
        let (admin_url, database, user) = (
            self.admin_url.clone(),
            self.team.database.clone(),
            self.team.user.clone(),
        );
        // The login owns the database's tables: the database goes first, then the login.
        cleanup(
            admin_url,
            vec![
                format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"),
                format!("DROP ROLE IF EXISTS {user}"),
            ],
        );
    }
}

/// Runs clean-up statements on the server as `admin_url`, each whatever the others did, from a
/// `Drop`: on a thread of its own, as a test's runtime may be ending.
pub fn cleanup(admin_url: String, statements: Vec<String>) {
    use sqlx::Connection;
    let _ = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                for sql in statements {
                    let _ = sqlx::query(&sql).execute(&mut conn).await;
                }
            }
        });
    })
    .join();
}

pub fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("voronka-app-test-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
