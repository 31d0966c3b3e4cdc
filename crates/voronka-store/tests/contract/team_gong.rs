//! The gong between two desktops on one team database: PostgreSQL only, since a local SQLite
//! database has one desktop.

use crate::harness::{Kind, setup};
use crate::notifications::{quick_won_stage, win};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;
use voronka_core::RandomIds;
use voronka_store::{GONG_LISTENER_APPLICATION, Store};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gong_reaches_the_other_desktop_and_survives_a_dropped_listener() {
    let Some(ctx) = setup(Kind::Postgres).await else { return };
    let won_stage = quick_won_stage(&ctx).await;
    let other = Store::open_with(&ctx.url, ctx.clock.clone(), Arc::new(RandomIds::new()))
        .await
        .unwrap();
    let mut feed = other.gong_feed(None).await.unwrap();
    // Give the listener its LISTEN before the first win: the catch-up would find it anyway,
    // but this measures the notification path.
    let pid = listener_pid(&ctx.url, GONG_LISTENER_APPLICATION).await;
    let started = std::time::Instant::now();
    let deal = win(&ctx, &ctx.store, &won_stage, "Перша перемога", "1000").await;
    let event = tokio::time::timeout(Duration::from_secs(1), feed.recv())
        .await
        .expect("the other desktop hears the gong within a second")
        .unwrap();
    assert_eq!(event.deal_id, deal.meta.id);
    eprintln!("gong delivered in {:?}", started.elapsed());

    terminate(&ctx.url, pid).await;
    let mut won = vec![deal.meta.id];
    for i in 0..5 {
        won.push(
            win(&ctx, &ctx.store, &won_stage, &format!("Перемога {i}"), "500")
                .await
                .meta
                .id,
        );
    }
    let mut heard = vec![event.deal_id];
    while heard.len() < won.len() {
        let e = tokio::time::timeout(Duration::from_secs(10), feed.recv())
            .await
            .expect("the feed reconnects and catches up")
            .unwrap();
        heard.push(e.deal_id);
    }
    assert_eq!(heard, won, "every gong, in order, none twice");
    let new_pid = listener_pid(&ctx.url, GONG_LISTENER_APPLICATION).await;
    assert_ne!(new_pid, pid, "the listener came back on a new connection");
    let late = win(&ctx, &ctx.store, &won_stage, "Після відновлення", "700").await;
    let e = tokio::time::timeout(Duration::from_secs(1), feed.recv())
        .await
        .expect("notifications flow again")
        .unwrap();
    assert_eq!(e.deal_id, late.meta.id);
    let quiet = tokio::time::timeout(Duration::from_millis(300), feed.recv()).await;
    assert!(quiet.is_err(), "nothing is repeated: {quiet:?}");
    let seqs: BTreeSet<i64> = other.gong_since(0, 100).await.unwrap().iter().map(|e| e.seq).collect();
    assert_eq!(seqs.len(), 7);
    drop(feed);
    other.close().await;
}

async fn admin(url: &str) -> sqlx::PgConnection {
    use sqlx::Connection;
    sqlx::PgConnection::connect(url).await.unwrap()
}

/// The backend pid of the listener named `application` on this test's database, waiting for it
/// to appear.
pub async fn listener_pid(url: &str, application: &str) -> i32 {
    let mut conn = admin(url).await;
    for _ in 0..200 {
        let pid: Option<i32> = sqlx::query_scalar(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 \
             AND query ILIKE 'LISTEN%' ORDER BY backend_start DESC LIMIT 1",
        )
        .bind(application)
        .fetch_optional(&mut conn)
        .await
        .unwrap();
        if let Some(pid) = pid {
            return pid;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no {application} listener connected within 5 s");
}

pub async fn terminate(url: &str, pid: i32) {
    let mut conn = admin(url).await;
    let done: bool = sqlx::query_scalar("SELECT pg_terminate_backend($1)")
        .bind(pid)
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert!(done, "the listener's backend was terminated");
}
