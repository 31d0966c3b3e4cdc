//! A bulk load into an empty database lands whole or not at all, and two at once give one team.

use crate::harness::{Ctx, start};
use std::sync::Arc;
use voronka_core::reports::{ReportFilter, ReportOptions};
use voronka_core::{ErrorCode, ManualClock, RandomIds};
use voronka_store::{Import, Store};
use voronka_testdb::TestDb;

/// The context's team, its pipeline and a new lead of Olena's, as records to load elsewhere.
async fn team_batch(ctx: &Ctx) -> Import {
    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Ірина Дах", "0501234567").await;
    let deal = ctx
        .store
        .create_deal(ctx.olena_id(), &ctx.deal_with("Покрівля", &company, &contact), None)
        .await
        .unwrap();
    Import {
        users: vec![ctx.head.clone(), ctx.olena.clone(), ctx.petro.clone()],
        pipelines: vec![ctx.pipeline.clone()],
        stages: ctx.stages.clone(),
        loss_reasons: ctx.reasons.clone(),
        companies: vec![company],
        contacts: vec![contact],
        stage_spells: ctx.store.stage_history(deal.meta.id).await.unwrap(),
        deals: vec![deal],
        ..Default::default()
    }
}

async fn open(url: &str) -> Store {
    Store::open_with(url, Arc::new(ManualClock::new(start())), Arc::new(RandomIds::new()))
        .await
        .unwrap()
}

/// How many deals reached the funnel's first stage in March: a figure the load computes.
async fn reached_first_stage(store: &Store) -> i64 {
    let march = ReportFilter {
        from: "2026-03-01".parse().unwrap(),
        to: "2026-03-31".parse().unwrap(),
        pipeline_id: None,
        manager_id: None,
    };
    let funnel = store.funnel_report(&march, &ReportOptions::default()).await.unwrap();
    funnel.team.stages.first().map(|s| s.reached).unwrap_or(0)
}

async fn rows(store: &Store, table: &str) -> usize {
    let mut text = Vec::new();
    store.export_json(&mut text).await.unwrap();
    let export: serde_json::Value = serde_json::from_slice(&text).unwrap();
    export[table].as_array().unwrap().len()
}

pub async fn a_load_lands_whole_with_its_figures_or_not_at_all(ctx: Ctx) {
    let batch = team_batch(&ctx).await;
    let db = TestDb::fresh(ctx.kind).await.unwrap();
    let store = open(&db.url).await;
    let reader = open(&db.url).await;

    // Stopped after its batches (the process killed, an error): nothing remains.
    let mut load = store.begin_load().await.unwrap();
    load.add(&batch).await.unwrap();
    assert!(reader.is_empty().await.unwrap(), "no reader sees a load before its end");
    assert_eq!(rows(&reader, "deals").await, 0);
    drop(load);
    assert!(
        store.is_empty().await.unwrap(),
        "a load that did not finish leaves nothing"
    );
    for table in ["users", "companies", "contacts", "deals", "stage_spells", "audit_log"] {
        assert_eq!(rows(&store, table).await, 0, "{table} is empty again");
    }

    // Finished: everything at once, the report figures included.
    let mut load = store.begin_load().await.unwrap();
    load.add(&batch).await.unwrap();
    assert_eq!(reached_first_stage(&reader).await, 0);
    load.commit().await.unwrap();
    assert_eq!(rows(&reader, "users").await, 3);
    assert_eq!(rows(&reader, "deals").await, 1);
    assert_eq!(
        reached_first_stage(&reader).await,
        1,
        "the funnel counts the loaded deal: its figures came with the load"
    );

    let err = store.begin_load().await.map(|_| ()).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidState);
    assert_eq!(err.field.as_deref(), Some("db"));
    assert!(err.message.contains("not empty"), "{}", err.message);
}

pub async fn of_two_loads_at_once_the_second_is_refused(ctx: Ctx) {
    let batch = team_batch(&ctx).await;
    let db = TestDb::fresh(ctx.kind).await.unwrap();
    let first = open(&db.url).await;
    let second = open(&db.url).await;

    let mut load = first.begin_load().await.unwrap();
    load.add(&batch).await.unwrap();
    // The second checks for an empty database while the first has written all but its commit.
    let other = batch.clone();
    let racing = tokio::spawn(async move {
        let mut load = second.begin_load().await?;
        load.add(&other).await?;
        load.commit().await
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!racing.is_finished(), "the second load waits for the first");
    load.commit().await.unwrap();
    let err = racing.await.unwrap().unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidState, "{err}");
    assert_eq!(err.field.as_deref(), Some("db"));
    assert!(err.message.contains("not empty"), "{}", err.message);
    assert_eq!(rows(&first, "users").await, 3, "one team");
    assert_eq!(rows(&first, "deals").await, 1);
}

/// A load still running after the 10 s a writer waits: the second is told so, and the first
/// goes on to its end.
pub async fn a_load_started_while_another_runs_long_is_refused(ctx: Ctx) {
    let batch = team_batch(&ctx).await;
    let db = TestDb::fresh(ctx.kind).await.unwrap();
    let first = open(&db.url).await;
    let second = open(&db.url).await;

    let mut load = first.begin_load().await.unwrap();
    load.add(&batch).await.unwrap();
    let err = second.begin_load().await.map(|_| ()).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidState, "{err}");
    assert_eq!(err.field.as_deref(), Some("db"));
    assert!(err.message.contains("already running"), "{}", err.message);
    load.commit().await.unwrap();
    assert_eq!(rows(&second, "users").await, 3, "the first load is whole");
}
