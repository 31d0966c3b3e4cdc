//! Opening a database: many openers of a new one at once, and places that hold no Voronka
//! database, each refused at once with one clear error and nothing written.

use crate::harness::{Ctx, Kind};
use sqlx::Connection;
use std::path::Path;
use std::time::{Duration, Instant};
use voronka_core::ErrorCode;
use voronka_store::{SCHEMA_VERSION, Store};
use voronka_testdb::TestDb;

/// Openers of one new database at once, as when a team's desktops first start together.
const OPENERS: usize = 30;

pub async fn concurrent_first_opens_of_a_new_database_all_succeed(ctx: Ctx) {
    let db = TestDb::fresh(ctx.kind).await.unwrap();
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(OPENERS));
    let handles: Vec<_> = (0..OPENERS)
        .map(|_| {
            let (url, start) = (db.url.clone(), start.clone());
            tokio::spawn(async move {
                start.wait().await;
                Store::open(&url).await
            })
        })
        .collect();
    let mut failures = Vec::new();
    let mut stores = Vec::new();
    for h in handles {
        match h.await.unwrap() {
            Ok(store) => stores.push(store),
            Err(e) => failures.push(e.to_string()),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {OPENERS} first opens failed: {failures:#?}",
        failures.len()
    );
    for store in &stores {
        assert_eq!(store.schema_version().await.unwrap(), SCHEMA_VERSION);
    }
    let olena = stores[0]
        .create_user(
            None,
            &voronka_core::model::UserInput {
                name: "Олена".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        stores[OPENERS - 1]
            .get::<voronka_core::model::User>(olena.meta.id)
            .await
            .unwrap(),
        olena,
        "every opener works on the one schema"
    );
    let applied: i64 = match ctx.kind {
        Kind::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
                .fetch_one(&mut conn)
                .await
                .unwrap()
        }
        Kind::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
                .fetch_one(&mut conn)
                .await
                .unwrap()
        }
    };
    assert_eq!(applied, SCHEMA_VERSION, "each migration applied once");
    for store in stores {
        store.close().await;
    }
}

/// The error of opening `url`, which must come at once.
async fn refused(url: &str) -> voronka_core::Error {
    let started = Instant::now();
    let err = match Store::open(url).await {
        Ok(_) => panic!("{url} opened"),
        Err(e) => e,
    };
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{url} is refused at once, not after retries ({:?})",
        started.elapsed()
    );
    assert!(
        !err.message.contains("(code:") && !err.message.contains("error returned from database"),
        "{url}: our words, not the engine's: {}",
        err.message
    );
    err
}

/// Every file under `dir` with its length and a hash of its bytes.
fn snapshot(dir: &Path) -> Vec<(String, u64, u64)> {
    use std::hash::{Hash, Hasher};
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = if path.is_file() {
                std::fs::read(&path).unwrap()
            } else {
                Vec::new()
            };
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut hasher);
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, bytes.len() as u64, hasher.finish())
        })
        .collect();
    out.sort();
    out
}

/// A small real Voronka database at `path`, a file at rest: copied with `VACUUM INTO` from one
/// a store made elsewhere (a closed pool's SQLite threads may still hold and checkpoint a file
/// for a while).
async fn real_database(path: &Path) {
    let scratch = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", scratch.path().join("made.db").display());
    let store = Store::open(&url).await.unwrap();
    store
        .create_user(
            None,
            &voronka_core::model::UserInput {
                name: "Олена".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query(&format!("VACUUM INTO '{}'", path.display()))
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    store.close().await;
}

fn set_read_only(path: &Path, read_only: bool) {
    let mut p = std::fs::metadata(path).unwrap().permissions();
    p.set_readonly(read_only);
    std::fs::set_permissions(path, p).unwrap();
}

/// Files and folders that are not Voronka databases, each refused at once with its own code
/// on `db`, and left as they were; an empty file is a new database.
pub async fn what_is_not_a_voronka_database_is_refused_at_once(ctx: Ctx) {
    if ctx.kind != Kind::Sqlite {
        return not_a_voronka_database_on_postgres(ctx).await;
    }
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    std::fs::write(at("notes.txt"), "Список клієнтів\nДах, Львів\n").unwrap();
    let noise: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(at("noise.bin"), noise).unwrap();
    real_database(&at("whole.db")).await;
    let whole = std::fs::read(at("whole.db")).unwrap();
    std::fs::write(at("cut.db"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(at("header-only.db"), &whole[..64]).unwrap();
    {
        let url = format!("sqlite:{}?mode=rwc", at("other-app.db").display());
        let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
        sqlx::query("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    }
    std::fs::create_dir(at("a-folder")).unwrap();
    real_database(&at("locked.db")).await;
    set_read_only(&at("locked.db"), true);
    let before = snapshot(dir.path());

    let cases: Vec<(String, ErrorCode)> = vec![
        (at("notes.txt").display().to_string(), ErrorCode::NotADatabase),
        (at("noise.bin").display().to_string(), ErrorCode::NotADatabase),
        (at("cut.db").display().to_string(), ErrorCode::NotADatabase),
        (at("header-only.db").display().to_string(), ErrorCode::NotADatabase),
        (at("other-app.db").display().to_string(), ErrorCode::NotADatabase),
        (at("a-folder").display().to_string(), ErrorCode::NotADatabase),
        ("/dev/null".to_string(), ErrorCode::NotADatabase),
        (
            at("no-such-folder/voronka.db").display().to_string(),
            ErrorCode::FolderMissing,
        ),
        (at("locked.db").display().to_string(), ErrorCode::ReadOnly),
    ];
    for (path, code) in &cases {
        let err = refused(&format!("sqlite:{path}")).await;
        assert_eq!(
            (err.code, err.field.as_deref()),
            (*code, Some("db")),
            "{path}: {}",
            err.message
        );
        let folder = Path::new(path).parent().unwrap().display().to_string();
        assert!(
            err.message.contains(path.as_str()) || err.message.contains(&folder),
            "{path}: the message names the place: {}",
            err.message
        );
    }
    assert_eq!(snapshot(dir.path()), before, "nothing was created or written");
    assert!(!at("no-such-folder").exists(), "a missing folder is not made");

    // A read-only folder takes no new database, nor the journal of one that is there.
    let shut = at("shut");
    std::fs::create_dir(&shut).unwrap();
    real_database(&shut.join("there.db")).await;
    set_read_only(&shut, true);
    let inside = snapshot(&shut);
    for name in ["new.db", "there.db"] {
        let err = refused(&format!("sqlite:{}", shut.join(name).display())).await;
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::ReadOnly, Some("db")),
            "{name}: {}",
            err.message
        );
    }
    assert_eq!(snapshot(&shut), inside, "nothing was created in the read-only folder");
    set_read_only(&shut, false);
    set_read_only(&at("locked.db"), false);

    // An empty file is a new database.
    std::fs::write(at("empty.db"), b"").unwrap();
    let store = Store::open(&format!("sqlite:{}", at("empty.db").display()))
        .await
        .unwrap();
    assert_eq!(store.schema_version().await.unwrap(), SCHEMA_VERSION);
    store.close().await;
}

/// A PostgreSQL database that holds another program's tables is refused untouched.
async fn not_a_voronka_database_on_postgres(ctx: Ctx) {
    let other = TestDb::fresh(Kind::Postgres).await.unwrap();
    let mut conn = sqlx::PgConnection::connect(&other.url).await.unwrap();
    sqlx::query("CREATE TABLE invoices (id BIGINT PRIMARY KEY, total NUMERIC)")
        .execute(&mut conn)
        .await
        .unwrap();
    let err = refused(&other.url).await;
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::NotADatabase, Some("db")),
        "{}",
        err.message
    );
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert_eq!(tables, ["invoices"], "no table of ours was added");
    conn.close().await.unwrap();
    drop(ctx);
}

/// A migration recorded as failed half-way stops the open with what to do, on both backends.
pub async fn a_half_applied_migration_says_what_to_do(ctx: Ctx) {
    ctx.store.close().await;
    let sql = "UPDATE _sqlx_migrations SET success = FALSE WHERE version = $1";
    match ctx.kind {
        Kind::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&ctx.url).await.unwrap();
            sqlx::query(sql).bind(SCHEMA_VERSION).execute(&mut conn).await.unwrap();
        }
        Kind::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&ctx.url).await.unwrap();
            sqlx::query(sql).bind(SCHEMA_VERSION).execute(&mut conn).await.unwrap();
        }
    }
    let err = refused(&ctx.url).await;
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::MigrationIncomplete, Some("db")),
        "{}",
        err.message
    );
    assert!(
        err.message.contains(&SCHEMA_VERSION.to_string()) && err.message.contains("backup"),
        "names the migration and what to do: {}",
        err.message
    );
}

/// Passwords in every form a URL can carry them never reach a message.
pub async fn passwords_in_urls_never_reach_messages(ctx: Ctx) {
    if ctx.kind != Kind::Postgres {
        return;
    }
    const SECRET: &str = "Qx9-lantern-Walrus";
    let (base, _) = ctx.url.rsplit_once('/').unwrap();
    let no_db = format!("{base}/voronka_no_such_db");
    for url in [
        format!("postgres://postgres:{SECRET}@127.0.0.1:1/crm"),
        format!("postgres://postgres@127.0.0.1:1/crm?password={SECRET}"),
        format!("postgres://postgres@127.0.0.1:1/crm?sslmode=disable&PassWord={SECRET}"),
        format!("postgresql://postgres@127.0.0.1:1/crm?pass%77ord={SECRET}"),
        format!("{no_db}?password={SECRET}"),
        format!("mysql://root:{SECRET}@db/crm?password={SECRET}"),
        format!("host=127.0.0.1 password={SECRET} dbname=crm"),
    ] {
        let err = Store::open(&url).await.unwrap_err();
        assert!(!err.message.contains(SECRET), "{:?}: {}", err.code, err.message);
        assert!(
            matches!(err.code, ErrorCode::Unreachable | ErrorCode::Invalid),
            "{:?}: {}",
            err.code,
            err.message
        );
    }
}
