use crate::harness::{Ctx, Kind};
use sqlx::Connection;
use voronka_core::ErrorCode;
use voronka_core::model::Company;
use voronka_store::{SCHEMA_VERSION, Store};

pub async fn newer_schema_is_refused_with_a_clear_message(ctx: Ctx) {
    assert_eq!(ctx.store.schema_version().await.unwrap(), SCHEMA_VERSION);
    ctx.store.close().await;
    // A newer program would have recorded its migration like this.
    let future = SCHEMA_VERSION + 1;
    match ctx.kind {
        Kind::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&ctx.url).await.unwrap();
            sqlx::query("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES ($1, 'future', TRUE, X'00', 0)").bind(future).execute(&mut conn).await.unwrap();
        }
        Kind::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&ctx.url).await.unwrap();
            sqlx::query("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES ($1, 'future', TRUE, '\\x00'::bytea, 0)").bind(future).execute(&mut conn).await.unwrap();
        }
    }
    let err = Store::open(&ctx.url).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::SchemaTooNew);
    assert!(
        err.message.contains(&format!("{}", SCHEMA_VERSION + 1)) && err.message.contains("update Voronka"),
        "{}",
        err.message
    );
}

pub async fn reopening_keeps_data_and_migrations_idempotent(ctx: Ctx) {
    let c = ctx.company("Дах", "0671234567").await;
    ctx.store.close().await;
    let again = Store::open(&ctx.url)
        .await
        .expect("a second open runs no migration twice");
    assert_eq!(again.get::<Company>(c.meta.id).await.unwrap(), c);
    assert_eq!(
        again.search("дах", Default::default()).await.unwrap().items.len(),
        1,
        "the index survives a reopen"
    );
    again.close().await;
}

pub async fn unreachable_or_missing_databases_say_why(ctx: Ctx) {
    if ctx.kind != Kind::Postgres {
        return;
    }
    let err = Store::open("postgres://postgres:secret-word@127.0.0.1:1/crm")
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Unreachable, Some("host")),
        "{}",
        err.message
    );
    assert!(
        !err.message.contains("secret-word"),
        "the password never reaches a message: {}",
        err.message
    );
    let (base, _) = ctx.url.rsplit_once('/').unwrap();
    let err = Store::open(&format!("{base}/voronka_no_such_db")).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("database"), "{}", err.message);
}

/// Statistics taken after a load must not slow the search index down as it grows: on SQLite
/// its own rowid-range statements have to stay seeks, which a recorded small count turns into
/// scans of the whole index table (one per segment merge).
pub async fn analyzing_keeps_the_search_index_seeking_as_it_grows(ctx: Ctx) {
    let search_counts = |url: String| async move {
        let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl LIKE 'search_index%'")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        (n, conn)
    };
    if ctx.kind == Kind::Sqlite {
        // The migrations' own ANALYZE of the empty index leaves no counts behind.
        assert_eq!(search_counts(ctx.url.clone()).await.0, 0, "after migrating");
    }
    ctx.company("Сокіл", "0671234501").await;
    ctx.store.analyze().await.unwrap();
    ctx.company("Сокільня", "0671234502").await;
    assert_eq!(
        ctx.store.search("сокіл", Default::default()).await.unwrap().items.len(),
        2,
        "records added after the analysis are found"
    );
    if ctx.kind != Kind::Sqlite {
        return;
    }
    let (counts, mut conn) = search_counts(ctx.url.clone()).await;
    assert_eq!(
        counts, 0,
        "no statistics of the search index's tables are kept after analyzing"
    );
    let plan: Vec<(i64, i64, i64, String)> =
        sqlx::query_as("EXPLAIN QUERY PLAN DELETE FROM search_index_data WHERE id >= 10 AND id <= 20")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    assert!(
        plan.iter().any(|p| p.3.contains("INTEGER PRIMARY KEY")),
        "a rowid range of the index table is a seek: {plan:?}"
    );
}
