use crate::harness::Ctx;
use chrono::Duration;
use std::sync::Arc;
use voronka_core::ErrorCode;
use voronka_core::notify::{NotificationKind, RecordingNotifier};
use voronka_notifier::NotificationLoop;

const TITLE: &str = "Передзвонити ТОВ Дах";

async fn ticks_show_an_overdue_task_once_across_restarts(ctx: Ctx) {
    let desk = Arc::new(RecordingNotifier::new());
    let ticks = NotificationLoop::new(ctx.store.clone(), ctx.user, desk.clone());
    assert!(ticks.tick().await.expect("a tick").is_empty(), "nothing is due yet");
    let task = ctx.task_due_in(5, TITLE).await;
    ctx.clock.advance(Duration::minutes(4));
    assert!(
        ticks.tick().await.expect("a tick").is_empty(),
        "a minute before its due time"
    );
    ctx.clock.advance(Duration::minutes(2));
    let shown = ticks.tick().await.expect("a tick");
    assert_eq!(shown.len(), 1, "the task became overdue: {shown:?}");
    assert_eq!(shown[0].kind, NotificationKind::TaskOverdue);
    assert_eq!(shown[0].task.as_ref().map(|t| t.task_id), Some(task.meta.id));
    ctx.clock.advance(Duration::minutes(1));
    assert!(ticks.tick().await.expect("a tick").is_empty(), "shown once, not again");

    let restarted = ctx.reopen().await;
    let after_restart = NotificationLoop::new(restarted.clone(), ctx.user, desk.clone());
    ctx.clock.advance(Duration::minutes(1));
    assert!(
        after_restart.tick().await.expect("a tick").is_empty(),
        "the delivery is in the database, so a restarted app does not repeat it"
    );
    let titles: Vec<String> = desk.shown().into_iter().map(|n| n.title).collect();
    assert_eq!(titles, [TITLE], "the desktop was asked exactly once");
    restarted.close().await;
}
on_both!(ticks_show_an_overdue_task_once_across_restarts);

async fn a_refused_tick_is_retried_on_the_next(ctx: Ctx) {
    let desk = Arc::new(RecordingNotifier::new());
    let ticks = NotificationLoop::new(ctx.store.clone(), ctx.user, desk.clone());
    ticks.tick().await.expect("a tick");
    ctx.task_due_in(5, TITLE).await;
    ctx.clock.advance(Duration::minutes(6));
    desk.set_refusing(true);
    let refused = ticks.tick().await.expect_err("the desktop refused");
    assert_eq!(refused.code, ErrorCode::Unreachable, "{refused:?}");
    assert!(desk.shown().is_empty());
    desk.set_refusing(false);
    ctx.clock.advance(Duration::minutes(1));
    let shown = ticks.tick().await.expect("a tick");
    assert_eq!(
        shown.iter().map(|n| n.title.as_str()).collect::<Vec<_>>(),
        [TITLE],
        "nothing of a refused tick counts as delivered, so the next one brings it"
    );
}
on_both!(a_refused_tick_is_retried_on_the_next);

async fn the_loop_ticks_until_told_to_stop(ctx: Ctx) {
    let desk = Arc::new(RecordingNotifier::new());
    let ticks = NotificationLoop::new(ctx.store.clone(), ctx.user, desk.clone());
    ticks.tick().await.expect("a tick");
    ctx.task_due_in(5, TITLE).await;
    ctx.clock.advance(Duration::minutes(6));

    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = tokio::spawn({
        let ticks = ticks.clone();
        async move { ticks.run(std::time::Duration::from_millis(10), stopped).await }
    });
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    while desk.shown().is_empty() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the loop never showed the overdue task"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    stop.send(true).expect("the loop listens");
    tokio::time::timeout(std::time::Duration::from_secs(10), running)
        .await
        .expect("the loop stops when told")
        .expect("the loop did not panic");
    assert_eq!(desk.shown().len(), 1, "many ticks at one clock time show it once");

    // A loop whose stop sender is gone (the app is closing) ends too.
    let (gone, stopped) = tokio::sync::watch::channel(false);
    drop(gone);
    tokio::time::timeout(
        std::time::Duration::from_secs(10),
        ticks.run(std::time::Duration::from_millis(10), stopped),
    )
    .await
    .expect("the loop stops without a stop sender");
}
on_both!(the_loop_ticks_until_told_to_stop);
