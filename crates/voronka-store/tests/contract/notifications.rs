use crate::harness::Ctx;
use chrono::Duration;
use std::sync::Arc;
use voronka_core::ErrorCode;
use voronka_core::model::*;
use voronka_core::notify::{GongKind, Notification, NotificationKind, NotificationSettings, RecordingNotifier};
use voronka_core::{Id, RandomIds};
use voronka_store::{MoveDeal, Store};

/// Settings without check-ins, so a story hears only about its tasks.
async fn quiet(ctx: &Ctx, user: Id) {
    let settings = NotificationSettings {
        check_in_times: vec![],
        ..Default::default()
    };
    ctx.store
        .save_notification_settings(ctx.head.meta.id, user, 0, &settings)
        .await
        .unwrap();
}

async fn task_for(ctx: &Ctx, assignee: Id, author: Id, minutes: i64) -> Task {
    ctx.store
        .create_task(
            author,
            &TaskInput {
                kind: TaskKind::Call,
                title: "Передзвонити щодо замовлення".into(),
                deal_id: None,
                company_id: None,
                contact_id: None,
                assignee_id: Some(assignee),
                due_at: ctx.clock_now() + Duration::minutes(minutes),
            },
        )
        .await
        .unwrap()
}

fn kinds_of(shown: &[Notification], task: Id) -> Vec<NotificationKind> {
    shown
        .iter()
        .filter(|n| n.task.as_ref().map(|t| t.task_id) == Some(task))
        .map(|n| n.kind)
        .collect()
}

/// Ticks every minute for `minutes` on `store`, collecting what it hands out for `user`.
async fn run(ctx: &Ctx, store: &Store, user: Id, minutes: i64) -> Vec<Notification> {
    let mut shown = Vec::new();
    for _ in 0..minutes {
        ctx.clock.advance(Duration::minutes(1));
        shown.extend(store.notifications_due(user).await.unwrap());
    }
    shown
}

pub async fn an_overdue_task_is_delivered_once_across_restarts(ctx: Ctx) {
    let olena = ctx.olena_id();
    quiet(&ctx, olena).await;
    assert!(ctx.store.notifications_due(olena).await.unwrap().is_empty());
    let task = task_for(&ctx, olena, olena, 30).await;
    let shown = run(&ctx, &ctx.store, olena, 16).await;
    assert_eq!(
        kinds_of(&shown, task.meta.id),
        [NotificationKind::TaskReminder],
        "15 minutes before the due time"
    );
    assert_eq!(shown[0].due_at, task.data.due_at - Duration::minutes(15));
    ctx.clock.advance(Duration::minutes(14));
    // The desktop restarts: another store over the same database.
    let again = Store::open_with(&ctx.url, ctx.clock.clone(), Arc::new(RandomIds::new()))
        .await
        .unwrap();
    let first = again.notifications_due(olena).await.unwrap();
    assert_eq!(
        kinds_of(&first, task.meta.id),
        [NotificationKind::TaskOverdue],
        "overdue at the due time, from whichever store ticks first"
    );
    assert!(
        ctx.store.notifications_due(olena).await.unwrap().is_empty(),
        "the other store finds it delivered"
    );
    assert!(again.notifications_due(olena).await.unwrap().is_empty());
    assert!(run(&ctx, &again, olena, 30).await.is_empty(), "and never again");
    let deliveries = ctx.count("deliveries").await;
    assert_eq!(
        deliveries, 2,
        "one delivery each for the reminder and the overdue notice"
    );
    again.close().await;
}

pub async fn completing_or_moving_a_task_cancels_its_reminder(ctx: Ctx) {
    let olena = ctx.olena_id();
    quiet(&ctx, olena).await;
    ctx.store.notifications_due(olena).await.unwrap();
    let done = task_for(&ctx, olena, olena, 60).await;
    let moved = task_for(&ctx, olena, olena, 60).await;
    ctx.clock.advance(Duration::minutes(10));
    ctx.store
        .complete_task(
            olena,
            done.meta.id,
            done.meta.version,
            "Клієнт сам передзвонив, домовились",
        )
        .await
        .unwrap();
    let later = ctx.clock_now() + Duration::hours(3);
    ctx.store
        .update_task(
            olena,
            moved.meta.id,
            moved.meta.version,
            &TaskInput {
                kind: TaskKind::Call,
                title: "Передзвонити щодо замовлення".into(),
                deal_id: None,
                company_id: None,
                contact_id: None,
                assignee_id: Some(olena),
                due_at: later,
            },
        )
        .await
        .unwrap();
    let shown = run(&ctx, &ctx.store, olena, 240).await;
    assert!(kinds_of(&shown, done.meta.id).is_empty(), "a done task reminds no one");
    let about_moved: Vec<_> = shown
        .iter()
        .filter(|n| n.task.as_ref().map(|t| t.task_id) == Some(moved.meta.id))
        .map(|n| (n.kind, n.due_at))
        .collect();
    assert_eq!(
        about_moved,
        [
            (NotificationKind::TaskReminder, later - Duration::minutes(15)),
            (NotificationKind::TaskOverdue, later)
        ],
        "only the new due time counts"
    );
}

pub async fn a_task_given_by_the_head_is_announced_to_its_assignee(ctx: Ctx) {
    let olena = ctx.olena_id();
    quiet(&ctx, olena).await;
    ctx.store.notifications_due(olena).await.unwrap();
    let task = task_for(&ctx, olena, ctx.head.meta.id, 24 * 60).await;
    let shown = run(&ctx, &ctx.store, olena, 2).await;
    assert_eq!(kinds_of(&shown, task.meta.id), [NotificationKind::TaskAssigned]);
    assert_eq!(shown[0].task.as_ref().unwrap().title, "Передзвонити щодо замовлення");
    assert_eq!(
        shown[0].given_by.as_deref(),
        Some("Оксана Керівна"),
        "assigned to her by the head"
    );
}

pub async fn the_head_gets_the_overdue_digest_and_a_manager_does_not(ctx: Ctx) {
    let head = ctx.head.meta.id;
    let olena = ctx.olena_id();
    quiet(&ctx, head).await;
    quiet(&ctx, olena).await;
    for minutes in [-10, -20, -30] {
        task_for(&ctx, ctx.petro.meta.id, head, minutes).await;
    }
    let first = ctx.store.notifications_due(head).await.unwrap();
    assert_eq!(
        first.iter().map(|n| (n.kind, n.count)).collect::<Vec<_>>(),
        [(NotificationKind::OverdueDigest, 3)],
        "at 09:00 the team has three overdue tasks"
    );
    ctx.store.notifications_due(olena).await.unwrap();
    let for_head = run(&ctx, &ctx.store, head, 120).await;
    let digests: Vec<_> = for_head
        .iter()
        .filter(|n| n.kind == NotificationKind::OverdueDigest)
        .collect();
    assert_eq!(digests.len(), 2, "then one at 10:00 and one at 11:00; got {digests:?}");
    assert!(digests.iter().all(|d| d.count == 3 && d.tasks.len() == 3));
    assert!(
        run(&ctx, &ctx.store, olena, 60).await.is_empty(),
        "a manager gets no team digest"
    );
}

pub async fn a_refused_notification_comes_again_on_the_next_tick(ctx: Ctx) {
    let olena = ctx.olena_id();
    quiet(&ctx, olena).await;
    ctx.store.notifications_due(olena).await.unwrap();
    let task = task_for(&ctx, olena, olena, 10).await;
    let desktop = RecordingNotifier::new();
    desktop.set_refusing(true);
    let err = ctx.store.deliver_notifications(olena, &desktop).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("notifier"));
    assert_eq!(ctx.count("deliveries").await, 0, "nothing counts as delivered");
    desktop.set_refusing(false);
    ctx.clock.advance(Duration::minutes(1));
    ctx.store.deliver_notifications(olena, &desktop).await.unwrap();
    ctx.clock.advance(Duration::minutes(1));
    ctx.store.deliver_notifications(olena, &desktop).await.unwrap();
    assert_eq!(
        kinds_of(&desktop.shown(), task.meta.id),
        [NotificationKind::TaskReminder],
        "shown once, when the desktop took it"
    );
}

pub async fn a_long_sleep_brings_one_missed_digest(ctx: Ctx) {
    let olena = ctx.olena_id();
    quiet(&ctx, olena).await;
    ctx.store.notifications_due(olena).await.unwrap();
    for i in 0..8 {
        task_for(&ctx, olena, olena, 20 + i * 10).await;
    }
    ctx.clock.advance(Duration::hours(5));
    let shown = ctx.store.notifications_due(olena).await.unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!((shown[0].kind, shown[0].count), (NotificationKind::MissedDigest, 8));
    assert!(run(&ctx, &ctx.store, olena, 30).await.is_empty());
    assert_eq!(ctx.count("deliveries").await, 9, "eight overdue notices and the digest");
}

pub async fn settings_are_versioned_and_validated(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    let stored = s.notification_settings(olena).await.unwrap();
    assert_eq!(stored.version, 0, "never saved: the defaults");
    assert_eq!(stored.settings, NotificationSettings::default());
    let mine = NotificationSettings {
        reminder_lead_minutes: 30,
        check_in_times: vec!["10:30".into()],
        gong_muted: true,
        ..Default::default()
    };
    let saved = s.save_notification_settings(olena, olena, 0, &mine).await.unwrap();
    assert_eq!(saved.version, 1);
    assert_eq!(s.notification_settings(olena).await.unwrap(), saved);
    let err = s
        .save_notification_settings(olena, olena, 0, &NotificationSettings::default())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict, "a stale version changes nothing");
    let bad = NotificationSettings {
        working_days: vec![1, 9],
        ..mine.clone()
    };
    let err = s.save_notification_settings(olena, olena, 1, &bad).await.unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Invalid, Some("working_days[1]"))
    );
    assert_eq!(s.notification_settings(olena).await.unwrap(), saved);
    let history = s
        .audit_history(olena, voronka_store::Page::first(50))
        .await
        .unwrap()
        .items;
    assert!(
        history.iter().any(|e| e.entity == "notification_settings"),
        "the change is audited"
    );
}

/// A won stage without requirements, so a story can win bare deals.
pub async fn quick_won_stage(ctx: &Ctx) -> Stage {
    ctx.store
        .create_stage(
            ctx.admin.meta.id,
            &StageInput {
                pipeline_id: ctx.pipeline.meta.id,
                name: "Оплачено одразу".into(),
                position: 99,
                kind: StageKind::Won,
                win_probability: Some(100),
                required_fields: vec![],
            },
        )
        .await
        .unwrap()
}

pub async fn win(ctx: &Ctx, on: &Store, won: &Stage, title: &str, amount: &str) -> Deal {
    let mut input = ctx.deal_input(title);
    input.amount = Some(amount.into());
    let deal = ctx.store.create_deal(ctx.olena_id(), &input, None).await.unwrap();
    on.move_deal(
        ctx.olena_id(),
        deal.meta.id,
        deal.meta.version,
        &MoveDeal {
            stage_id: Some(won.meta.id),
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

pub async fn won_deals_and_paid_payments_ring_the_gong(ctx: Ctx) {
    ctx.weekdays_only().await;
    let s = &ctx.store;
    let olena = ctx.olena_id();
    s.create_plan(
        ctx.head.meta.id,
        &PlanInput {
            user_id: None,
            month: "2026-03".into(),
            revenue_target: 2_200_000,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let won_stage = quick_won_stage(&ctx).await;
    let mut feed = s.gong_feed(None).await.unwrap();
    let company = ctx.company("Дах і Фасад", "0671234567").await;
    let mut input = ctx.deal_input("Покрівля складу");
    input.company_id = Some(company.meta.id);
    input.amount = Some("120 000".into());
    let deal = s.create_deal(olena, &input, None).await.unwrap();
    let lost = ctx.stages.iter().find(|st| st.data.kind == StageKind::Lost).unwrap();
    let lost_move = MoveDeal {
        stage_id: Some(lost.meta.id),
        loss_reason_id: Some(ctx.reasons[0].meta.id),
        loss_comment: None,
    };
    let other = s.create_deal(olena, &ctx.deal_input("Інша"), None).await.unwrap();
    s.move_deal(olena, other.meta.id, other.meta.version, &lost_move)
        .await
        .unwrap();
    assert!(s.gong_since(0, 10).await.unwrap().is_empty(), "a loss rings nothing");
    let bare = s
        .create_deal(olena, &ctx.deal_input("Без позицій"), None)
        .await
        .unwrap();
    let refused = s
        .move_deal(
            olena,
            bare.meta.id,
            bare.meta.version,
            &MoveDeal {
                stage_id: Some(ctx.stage("Успішно").meta.id),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::StageRequirements);
    assert!(
        s.gong_since(0, 10).await.unwrap().is_empty(),
        "a refused win rings nothing: the event is part of the win's transaction"
    );
    let won = s
        .move_deal(
            olena,
            deal.meta.id,
            deal.meta.version,
            &MoveDeal {
                stage_id: Some(won_stage.meta.id),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let payment = s
        .create_payment(
            olena,
            &PaymentInput {
                deal_id: won.meta.id,
                amount: "35 000".into(),
                currency: None,
                planned_date: "2026-03-12".into(),
                invoice_number: None,
            },
        )
        .await
        .unwrap();
    ctx.clock.advance(Duration::minutes(5));
    s.mark_payment_paid(olena, payment.meta.id, payment.meta.version, None)
        .await
        .unwrap();
    let events = s.gong_since(0, 10).await.unwrap();
    assert_eq!(events.len(), 2, "the win and the payment");
    let (w, p) = (&events[0], &events[1]);
    assert!(w.seq < p.seq, "seq follows commit order");
    assert_eq!((w.kind, p.kind), (GongKind::Won, GongKind::Paid));
    assert_eq!(w.deal_id, deal.meta.id);
    assert_eq!(w.deal_title, "Покрівля складу");
    assert_eq!(w.company_name.as_deref(), Some("Дах і Фасад"));
    assert_eq!((w.user_id, w.user_name.as_str()), (olena, "Олена Коваль"));
    assert_eq!((w.amount, w.currency.as_str()), (12_000_000, "UAH"));
    assert_eq!((p.amount, p.payment_id), (3_500_000, Some(payment.meta.id)));
    assert_eq!(w.progress.fact, 0, "nothing was paid when the deal was won");
    assert_eq!(p.progress.plan, 2_200_000);
    assert_eq!(
        p.progress.fact, 3_500_000,
        "the payment counts in the fact it rings with"
    );
    assert_eq!(
        p.progress.expected_to_date, 700_000,
        "7 of March's 22 working days have passed on the 10th"
    );
    assert_eq!(p.progress.today_share_bp, Some(50_000));
    assert_eq!(s.team_progress(olena).await.unwrap(), p.progress);
    assert_eq!(s.gong_since(w.seq, 10).await.unwrap(), vec![p.clone()]);
    let within = std::time::Duration::from_secs(1);
    let first = tokio::time::timeout(within, feed.recv()).await.unwrap().unwrap();
    let second = tokio::time::timeout(within, feed.recv()).await.unwrap().unwrap();
    assert_eq!((&first, &second), (w, p), "the feed hands out both, in order");
    assert_eq!(feed.last_seq(), p.seq);
    // A gong reaches each user's desktop once.
    let head = ctx.head.meta.id;
    let once = s.deliver_gongs(head, std::slice::from_ref(w), None).await.unwrap();
    assert_eq!(once, vec![Notification::gong(head, w)]);
    assert!(
        s.deliver_gongs(head, std::slice::from_ref(w), None)
            .await
            .unwrap()
            .is_empty()
    );
    let mut resumed = s.gong_feed(Some(w.seq)).await.unwrap();
    let next = tokio::time::timeout(within, resumed.recv()).await.unwrap().unwrap();
    assert_eq!(&next, p, "a feed resumed after a seq catches up from there");
}

pub async fn gongs_missed_while_closed_reach_the_desktop_once(ctx: Ctx) {
    let s = &ctx.store;
    let head = ctx.head.meta.id;
    let won = quick_won_stage(&ctx).await;
    assert_eq!(s.gong_seen(head).await.unwrap(), None, "no gong taken in yet");
    win(&ctx, s, &won, "Дах для школи", "10000").await;
    let first = s.gong_since(0, 10).await.unwrap();
    let desktop = RecordingNotifier::new();
    desktop.set_refusing(true);
    let err = s.deliver_gongs(head, &first, Some(&desktop)).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("notifier"));
    assert_eq!(ctx.count("deliveries").await, 0, "a refused gong is not recorded");
    assert_eq!(s.gong_seen(head).await.unwrap(), None, "nor taken in");
    desktop.set_refusing(false);
    let shown = s.deliver_gongs(head, &first, Some(&desktop)).await.unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!(desktop.shown()[0].title, "Дах для школи");
    let seen = s.gong_seen(head).await.unwrap();
    assert_eq!(seen, Some(first[0].seq));
    // The desktop closes; seven wins ring meanwhile (the threshold is five).
    for i in 0..7 {
        win(&ctx, s, &won, &format!("Фасад {i}"), "2000").await;
    }
    let missed = s.gong_since(seen.unwrap(), 100).await.unwrap();
    assert_eq!(missed.len(), 7);
    let shown = s.deliver_gongs(head, &missed, Some(&desktop)).await.unwrap();
    assert_eq!(shown.len(), 1, "one digest, not a flood");
    assert_eq!((shown[0].kind, shown[0].count), (NotificationKind::MissedDigest, 7));
    assert_eq!(shown[0].missed[0].kind, NotificationKind::Gong);
    assert_eq!(s.gong_seen(head).await.unwrap(), Some(missed[6].seq));
    assert!(
        s.deliver_gongs(head, &missed, Some(&desktop)).await.unwrap().is_empty(),
        "a second start shows none of them again"
    );
    // Muted: passed over, still taken in.
    let mine = NotificationSettings {
        gong_muted: true,
        ..Default::default()
    };
    s.save_notification_settings(head, head, 0, &mine).await.unwrap();
    win(&ctx, s, &won, "Тихий дах", "1000").await;
    let last = s.gong_since(missed[6].seq, 10).await.unwrap();
    assert!(s.deliver_gongs(head, &last, Some(&desktop)).await.unwrap().is_empty());
    assert_eq!(s.gong_seen(head).await.unwrap(), Some(last[0].seq));
    assert_eq!(desktop.shown().len(), 2, "the first gong and the digest");
    // An older batch never moves the mark back.
    s.deliver_gongs(head, &first, None).await.unwrap();
    assert_eq!(s.gong_seen(head).await.unwrap(), Some(last[0].seq));
    s.mark_gongs_seen(head, first[0].seq).await.unwrap();
    assert_eq!(s.gong_seen(head).await.unwrap(), Some(last[0].seq));
    // A desktop's first start takes the history in without showing it.
    let olena = ctx.olena_id();
    s.mark_gongs_seen(olena, last[0].seq).await.unwrap();
    assert_eq!(s.gong_seen(olena).await.unwrap(), Some(last[0].seq));
}
