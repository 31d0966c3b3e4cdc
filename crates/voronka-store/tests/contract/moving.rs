//! Moving a local file into a team database: everything arrives with its ids, the mover signs
//! in as the team's admin, and a database that is not empty, a team database as the source or a
//! manager as the mover are refused with nothing written.

use crate::harness::{self, Ctx, Kind, refused};
use serde_json::Value;
use sqlx::Connection;
use voronka_core::ErrorCode;
use voronka_core::model::*;
use voronka_store::{DealFilter, Identity, Page, Store, TimelineOf};
use voronka_testdb::TestDb;

/// A local file with the clients of two managers, a task, a call, a payment and a kept
/// proposal (bytes), as a department that started on a laptop has.
async fn local_department() -> Ctx {
    let ctx = harness::setup(Kind::Sqlite).await.expect("SQLite is always there");
    let s = &ctx.store;
    let (_, _, deal) = ctx.client_of(ctx.olena_id(), "Дах і Ко", "0671112233").await;
    let (windows, _, _) = ctx.client_of(ctx.petro.meta.id, "Вікна Захід", "0504445566").await;
    s.attach_document(
        ctx.petro.meta.id,
        &AttachmentInput {
            of: DocumentOf::Company(windows.meta.id),
            name: "Договір.pdf".into(),
            content: (0..=255u8).cycle().take(5_000).collect(),
        },
    )
    .await
    .unwrap();
    s.create_task(
        ctx.olena_id(),
        &TaskInput {
            kind: TaskKind::Call,
            title: "Узгодити кошторис".into(),
            deal_id: Some(deal.meta.id),
            company_id: None,
            contact_id: None,
            assignee_id: None,
            due_at: ctx.clock_now() + chrono::Duration::hours(3),
        },
    )
    .await
    .unwrap();
    s.log_activity(
        ctx.olena_id(),
        &ActivityInput {
            kind: ActivityKind::Call,
            deal_id: Some(deal.meta.id),
            company_id: None,
            contact_id: None,
            occurred_at: None,
            body: Some("Домовились про замір".into()),
            details: Default::default(),
        },
    )
    .await
    .unwrap();
    s.create_payment(
        ctx.olena_id(),
        &PaymentInput {
            deal_id: deal.meta.id,
            amount: "12500".into(),
            currency: None,
            planned_date: "2026-03-20".into(),
            invoice_number: None,
        },
    )
    .await
    .unwrap();
    s.add_deal_item(
        ctx.olena_id(),
        &DealItemInput {
            deal_id: deal.meta.id,
            product_id: None,
            name: Some("Металочерепиця, м²".into()),
            quantity: 120.0,
            unit_price: Some(31_000),
            currency: None,
            discount_bp: None,
        },
    )
    .await
    .unwrap();
    s.save_proposal_template(ctx.admin.meta.id, None, &crate::proposals::template())
        .await
        .unwrap();
    s.make_proposal(ctx.olena_id(), deal.meta.id).await.unwrap();
    ctx
}

/// export-json as JSON, without what a move adds: the logins and the move's own audit entry.
async fn comparable(store: &Store) -> Value {
    let mut text = Vec::new();
    store.export_json(&mut text).await.unwrap();
    voronka_testdb::comparable_after_move(&text)
}

async fn pg_database() -> Option<TestDb> {
    TestDb::fresh(Kind::Postgres).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_local_file_moves_whole_into_an_empty_team_database() {
    let ctx = local_department().await;
    let Some(db) = pg_database().await else { return };
    let admin = ctx.admin.meta.id;
    let (team, card, moved) = voronka_store::move_to_team(&ctx.store, &db.url, admin).await.unwrap();
    assert_eq!(
        (moved.of("companies"), moved.of("deals"), moved.of("payments")),
        (2, 2, 1)
    );
    assert_eq!(
        moved.of("document_files"),
        3,
        "the proposal (PDF and XLSX) and the contract move with their bytes"
    );
    assert_eq!(
        comparable(&ctx.store).await,
        comparable(&team).await,
        "both sides export alike"
    );

    // The admin signs in as their own login and finds the department as it was.
    let o: sqlx::postgres::PgConnectOptions = db.url.parse().unwrap();
    let url = format!(
        "postgres://{}:{}@{}:{}/{}",
        card.login,
        card.password.expose(),
        o.get_host(),
        o.get_port(),
        card.database
    );
    let signed_in = Store::open(&url).await.unwrap();
    match signed_in.identity().await.unwrap() {
        Identity::Teammate(user) => assert_eq!(user.meta.id, admin),
        other => panic!("the mover is the team's admin, not {other:?}"),
    }
    let page = Page { offset: 0, limit: 50 };
    let hits = signed_in.search("Вікна", page).await.unwrap().items;
    let kinds: Vec<&str> = hits.iter().map(|h| h.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["company", "contact", "deal"],
        "quick search finds the moved client: {hits:?}"
    );
    let deals = signed_in.list_deals(&DealFilter::default(), page).await.unwrap().items;
    let deal = deals
        .iter()
        .find(|d| d.data.title.as_str().contains("Дах"))
        .expect("the deal moved");
    let timeline = signed_in
        .timeline(TimelineOf::Deal(deal.meta.id), page)
        .await
        .unwrap()
        .items;
    assert!(!timeline.is_empty(), "the call is on its timeline");
    let documents = signed_in
        .documents_of(admin, DocumentOf::Deal(deal.meta.id))
        .await
        .unwrap();
    let kept = documents[0].document.meta.id;
    let file = signed_in.kept_file(admin, kept).await.unwrap();
    let local = ctx.store.kept_file(admin, kept).await.unwrap();
    assert_eq!(file.content, local.content, "the proposal's bytes are the same");
    assert!(file.content.starts_with(b"%PDF") || file.content.starts_with(b"PK"));
    let hits = signed_in.search("Вікна", page).await.unwrap().items;
    let contract = signed_in
        .documents_of(admin, DocumentOf::Company(hits[0].id))
        .await
        .unwrap();
    let bytes = signed_in
        .kept_file(admin, contract[0].document.meta.id)
        .await
        .unwrap()
        .content;
    assert_eq!(
        bytes,
        (0..=255u8).cycle().take(5_000).collect::<Vec<u8>>(),
        "the contract's bytes are the same"
    );
    signed_in.close().await;
    team.close().await;

    // A second move finds the team there and changes nothing.
    let again = voronka_store::move_to_team(&ctx.store, &db.url, admin).await;
    let err = again.expect_err("refused");
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::NotEmpty, Some("db")),
        "{}",
        err.message
    );
    assert!(err.message.contains("not empty"), "{}", err.message);
    let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let companies: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM companies")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(companies, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_move_is_refused_before_anything_is_written() {
    let ctx = local_department().await;
    let Some(db) = pg_database().await else { return };
    // A manager of the file is not its admin.
    refused(
        voronka_store::move_to_team(&ctx.store, &db.url, ctx.olena_id()).await,
        ErrorCode::Forbidden,
        "user_id",
    );
    let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let tables = || sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'");
    assert_eq!(tables().fetch_one(&mut conn).await.unwrap(), 0, "nothing was set up");

    // A database that holds another program's tables.
    sqlx::query("CREATE TABLE invoices (id INT)")
        .execute(&mut conn)
        .await
        .unwrap();
    refused(
        voronka_store::move_to_team(&ctx.store, &db.url, ctx.admin.meta.id).await,
        ErrorCode::NotEmpty,
        "db",
    );
    assert_eq!(
        tables().fetch_one(&mut conn).await.unwrap(),
        1,
        "its tables are left alone"
    );

    // A team database is not a local file.
    let team = harness::setup(Kind::Postgres).await.expect("PostgreSQL");
    let Some(other) = pg_database().await else { return };
    refused(
        voronka_store::move_to_team(&team.store, &other.url, team.admin.meta.id).await,
        ErrorCode::InvalidState,
        "db",
    );
}
