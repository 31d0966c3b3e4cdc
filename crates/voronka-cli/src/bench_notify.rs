//! `voronka-cli bench-notify`: (a) the notification tick of a user against the open database —
//! its candidate queries' plans and the latency of a whole tick (read, schedule, record the
//! deliveries) — and (b) on PostgreSQL, how long a won deal takes to reach another store's
//! gong feed, and how long the win's change (ids only) takes to reach that store's change feed.

use chrono::{DateTime, Duration as Minutes, Utc};
use std::sync::Arc;
use std::time::{Duration, Instant};
use voronka_core::model::{DealInput, Role, StageInput, StageKind, User, UserInput};
use voronka_core::{Id, ManualClock, RandomIds};
use voronka_store::{Backend, ChangeFeed, MoveDeal, Store};

/// p95 target of a tick's due queries, in milliseconds.
const TICK_TARGET_MS: f64 = 5.0;

fn percentile(times: &[Duration], p: f64) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort();
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(idx).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
}

/// (a): every user's desktop ticks once a simulated minute (as the app does, every 30 s of its
/// own), starting at `at`, until `iterations` ticks have run.
pub async fn ticks(url: &str, at: DateTime<Utc>, iterations: usize) -> anyhow::Result<()> {
    let clock = Arc::new(ManualClock::new(at));
    let store = Store::open_with(url, clock.clone(), Arc::new(RandomIds::new())).await?;
    let users: Vec<User> = store.list_users().await?;
    anyhow::ensure!(!users.is_empty(), "the database has no users: load demo data first");
    let head = users.iter().find(|u| u.data.role == Role::Head).unwrap_or(&users[0]);
    println!("backend: {:?}; ticks at {at} and on", store.backend());
    for (name, plan) in store.explain_notification_queries(head.meta.id, at).await? {
        println!("plan of «{name}»:");
        for line in plan {
            println!("    {line}");
        }
    }
    let (mut manager_ticks, mut head_ticks) = (Vec::new(), Vec::new());
    let (mut manager_reads, mut head_reads) = (Vec::new(), Vec::new());
    // A user's first tick has no previous one and reads back the whole catch-up window (up to
    // OWN_TASKS_PER_TICK tasks, the wake from a long sleep); later ticks read the last minute.
    let (mut first_reads, mut seen) = (Vec::new(), std::collections::HashSet::new());
    let mut handed_out = 0usize;
    for i in 0..iterations {
        if i % users.len() == 0 {
            clock.advance(Minutes::minutes(1));
        }
        let user = &users[i % users.len()];
        let t = Instant::now();
        std::hint::black_box(store.notification_candidates(user.meta.id).await?);
        let read = t.elapsed();
        if seen.insert(user.meta.id) {
            first_reads.push(read);
        } else if user.data.role == Role::Head {
            head_reads.push(read);
        } else {
            manager_reads.push(read);
        }
        let t = Instant::now();
        handed_out += store.notifications_due(user.meta.id).await?.len();
        let took = t.elapsed();
        if user.data.role == Role::Head {
            head_ticks.push(took);
        } else {
            manager_ticks.push(took);
        }
    }
    println!("{iterations} ticks, {handed_out} notifications handed out");
    println!(
        "{:<38} {:>6} {:>9} {:>9} {:>9}  verdict (p95 ≤ {TICK_TARGET_MS} ms)",
        "", "runs", "p50 ms", "p95 ms", "max ms"
    );
    for (name, times, target) in [
        (
            "due queries of a user (read only)",
            &manager_reads,
            Some(TICK_TARGET_MS),
        ),
        ("due queries of the head (read only)", &head_reads, Some(TICK_TARGET_MS)),
        ("first tick of a user: catch-up reads", &first_reads, None),
        ("whole tick of a user (+ commit)", &manager_ticks, None),
        ("whole tick of the head (+ commit)", &head_ticks, None),
    ] {
        let p95 = percentile(times, 0.95);
        let verdict = match target {
            Some(t) if p95 <= t => "ok",
            Some(_) => "OVER",
            None => "",
        };
        println!(
            "{name:<38} {:>6} {:>9.2} {:>9.2} {:>9.2}  {verdict}",
            times.len(),
            percentile(times, 0.5),
            p95,
            percentile(times, 1.0),
        );
    }
    store.close().await;
    Ok(())
}

/// (b): `wins` deals won through one store, each timed until another store's feed hands it out.
pub async fn gong(url: &str, wins: usize) -> anyhow::Result<()> {
    anyhow::ensure!(
        Backend::of_url(url)? == Backend::Postgres,
        "the gong between two stores needs a PostgreSQL database"
    );
    let writer = Store::open(url).await?;
    let reader = Store::open(url).await?;
    let users = writer.list_users().await?;
    let actor = match users.iter().find(|u| u.data.role != Role::Admin).or(users.first()) {
        Some(u) => u.clone(),
        None => {
            let admin = writer
                .create_user(
                    None,
                    &UserInput {
                        name: "Адміністратор Бенчмарку".into(),
                        role: Some(Role::Admin),
                        ..Default::default()
                    },
                )
                .await?;
            writer.install_defaults(admin.meta.id).await?;
            admin
        }
    };
    let pipeline = writer
        .list_pipelines()
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("the database has no pipeline"))?;
    let stages = writer.list_stages(pipeline.meta.id).await?;
    // A won stage without required fields, so bare deals can be won; made once per database.
    let won = match stages.iter().find(|s| s.data.name.as_str() == "Виграно (замір гонгу)") {
        Some(s) => s.clone(),
        None => {
            writer
                .create_stage(
                    actor.meta.id,
                    &StageInput {
                        pipeline_id: pipeline.meta.id,
                        name: "Виграно (замір гонгу)".into(),
                        position: 1_000,
                        kind: StageKind::Won,
                        win_probability: Some(100),
                        required_fields: vec![],
                    },
                )
                .await?
        }
    };
    let mut feed = reader.gong_feed(None).await?;
    let mut changes = reader.change_feed().await?;
    // Let the listener connect before the first measurement.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut latencies = Vec::with_capacity(wins);
    let mut writes = Vec::with_capacity(wins);
    let mut changed = Vec::with_capacity(wins);
    for i in 0..wins {
        let input = DealInput {
            owner_id: Some(actor.meta.id),
            amount: Some("1000".into()),
            ..DealInput::titled(&format!("Замір гонгу {i}"), pipeline.meta.id)
        };
        let deal = writer.create_deal(actor.meta.id, &input, None).await?;
        // The creation's own change first, so the timed one is the move's.
        heard_change(&mut changes, deal.meta.id).await?;
        let t = Instant::now();
        writer
            .move_deal(
                actor.meta.id,
                deal.meta.id,
                deal.meta.version,
                &MoveDeal {
                    stage_id: Some(won.meta.id),
                    ..Default::default()
                },
            )
            .await?;
        let written = t.elapsed();
        let event = tokio::time::timeout(Duration::from_secs(5), feed.recv())
            .await
            .map_err(|_| anyhow::anyhow!("win {i} did not reach the other store within 5 s"))??;
        anyhow::ensure!(event.deal_id == deal.meta.id, "the feed handed out another deal");
        latencies.push(t.elapsed());
        writes.push(written);
        heard_change(&mut changes, deal.meta.id).await?;
        changed.push(t.elapsed());
    }
    println!("gong between two stores on PostgreSQL, {wins} wins:");
    println!("{:<40} {:>9} {:>9} {:>9}", "", "p50 ms", "p99 ms", "max ms");
    for (name, times) in [
        ("win committed (move_deal)", &writes),
        ("win → the other store's feed", &latencies),
        ("win → the other store's change feed", &changed),
    ] {
        println!(
            "{name:<40} {:>9.2} {:>9.2} {:>9.2}",
            percentile(times, 0.5),
            percentile(times, 0.99),
            percentile(times, 1.0)
        );
    }
    drop((feed, changes));
    reader.close().await;
    writer.close().await;
    Ok(())
}

/// Waits until the change feed names `deal`.
async fn heard_change(feed: &mut ChangeFeed, deal: Id) -> anyhow::Result<()> {
    loop {
        let changes = tokio::time::timeout(Duration::from_secs(5), feed.recv())
            .await
            .map_err(|_| anyhow::anyhow!("a change did not reach the other store within 5 s"))??;
        if changes.ids.get("deal").is_some_and(|ids| ids.contains(&deal)) {
            return Ok(());
        }
    }
}
