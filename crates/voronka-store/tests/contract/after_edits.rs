//! The reports and kept figures after the edits a real team makes: deleted and restored deals,
//! a report reproduced at an earlier "now", and every path that can change a kept figure,
//! compared with a recomputation from the base tables.

use crate::harness::Ctx;
use crate::reports::{Book, at, march, period};
use serde_json::Value;
use voronka_core::model::*;
use voronka_core::reports::*;
use voronka_core::{ErrorCode, Id};
use voronka_store::{MoveDeal, Page, TaskFilter, TimelineOf};

/// Everything a report or a list counts for a deal's tasks and activities, for Olena.
async fn what_counts(ctx: &Ctx, company: Id) -> (i64, usize, i64, i64, usize) {
    let s = &ctx.store;
    let o = ReportOptions::default();
    let overdue = s.overdue_count(ctx.olena_id()).await.unwrap();
    let today = s.today(ctx.olena_id()).await.unwrap();
    let discipline = s.discipline_report(&march(), &o).await.unwrap();
    let activity = s.activity_report(&march(), &o).await.unwrap();
    let calls: i64 = activity.days.iter().map(|d| d.calls).sum();
    let timeline = s
        .timeline(TimelineOf::Company(company), Page::first(100))
        .await
        .unwrap();
    (
        overdue,
        today.overdue.len(),
        discipline.overdue_tasks_total,
        calls,
        timeline.items.len(),
    )
}

pub async fn a_deleted_deal_takes_its_tasks_and_activities_along(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, s) = (ctx.olena_id(), &ctx.store);
    b.now("2026-03-02 10:00");
    let deal = b.deal(olena, "D", "100", None).await;
    b.outbound_call(olena, "2026-03-02 10:05", &deal).await;
    let note = b
        .log(
            olena,
            ActivityKind::Email,
            "2026-03-02 10:06",
            Some(&deal),
            None,
            Direction::Outbound,
        )
        .await;
    // An email deleted on its own before the deal stays deleted when the deal comes back.
    s.delete::<Activity>(olena, note.meta.id, note.meta.version)
        .await
        .unwrap();
    // A desktop ticks before the contact task falls due; past its 15 minutes it is overdue.
    b.now("2026-03-02 10:10");
    s.notifications_due(olena).await.unwrap();
    b.now("2026-03-02 12:00");
    let before = what_counts(&ctx, b.company.meta.id).await;
    assert_eq!(
        (before.0, before.1, before.2, before.3),
        (1, 1, 1, 1),
        "the task and the call count"
    );
    let task_id = before_task_id(&ctx, deal.meta.id).await;
    let about_task = |keys: Vec<voronka_core::notify::Notification>| {
        keys.into_iter()
            .map(|n| n.key)
            .filter(|k| k.contains(&task_id.to_string()))
            .collect::<Vec<String>>()
    };

    let deal = s.get::<Deal>(deal.meta.id).await.unwrap();
    let gone = s.delete::<Deal>(olena, deal.meta.id, deal.meta.version).await.unwrap();
    assert_eq!(
        what_counts(&ctx, b.company.meta.id).await,
        (0, 0, 0, 0, 0),
        "the deleted deal's task and call are out of the tray, Today, discipline, activity and the timeline"
    );
    b.now("2026-03-02 12:05");
    assert_eq!(
        about_task(s.notifications_due(olena).await.unwrap()),
        Vec::<String>::new(),
        "nor is anyone told the task is overdue"
    );
    let tasks = s
        .list_tasks(
            &TaskFilter {
                deal_id: Some(deal.meta.id),
                ..Default::default()
            },
            Page::first(10),
        )
        .await
        .unwrap();
    assert!(tasks.items.is_empty());
    let task = s.get_any::<Task>(task_id).await.unwrap();
    assert!(task.meta.deleted_at.is_some());
    let err = s
        .restore::<Task>(olena, task.meta.id, task.meta.version)
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidState, Some("deal_id")),
        "a task comes back with its deal"
    );

    s.restore::<Deal>(olena, deal.meta.id, gone.meta.version).await.unwrap();
    let after = what_counts(&ctx, b.company.meta.id).await;
    assert_eq!(
        after, before,
        "restored, the deal brings back exactly what it took along"
    );
    let note = s.get_any::<Activity>(note.meta.id).await.unwrap();
    assert!(
        note.meta.deleted_at.is_some(),
        "the email deleted on its own stays deleted"
    );
}

/// The id of a deal's contact task, deleted or not (read off the audit log's history).
async fn before_task_id(ctx: &Ctx, deal: Id) -> Id {
    let export = ctx.export().await;
    let tasks = export["tasks"].as_array().unwrap();
    let task = tasks
        .iter()
        .find(|t| t["deal_id"] == Value::String(deal.to_string()))
        .unwrap();
    task["id"].as_str().unwrap().parse().unwrap()
}

pub async fn a_company_with_open_deals_is_not_deleted(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, s) = (ctx.olena_id(), &ctx.store);
    b.now("2026-03-02 10:00");
    let deal = b.deal(olena, "Покрівля", "100", None).await;
    let company = s.get::<Company>(b.company.meta.id).await.unwrap();
    let err = s
        .delete::<Company>(olena, company.meta.id, company.meta.version)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidState);
    assert_eq!(err.field.as_deref(), Some("company_id"));
    assert!(
        err.message.contains("«Покрівля»"),
        "the refusal names the deal: {}",
        err.message
    );
    assert!(s.get::<Company>(company.meta.id).await.is_ok(), "nothing was deleted");
    // Lost, the deal no longer holds the company.
    b.lose(&deal, 0).await;
    s.delete::<Company>(olena, company.meta.id, company.meta.version)
        .await
        .unwrap();
}

pub async fn a_report_at_an_earlier_now_counts_what_stood_then(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let olena = ctx.olena_id();
    b.now("2026-03-02 10:00");
    let deal = b.deal(olena, "D", "100", None).await;
    b.walk(
        deal,
        &[
            ("2026-03-05 10:00", "Кваліфікація"),
            ("2026-03-10 10:00", "КП надіслано"),
        ],
    )
    .await;
    // A task written later, due before the report's "now".
    b.now("2026-03-06 09:00");
    ctx.store
        .create_task(
            olena,
            &TaskInput {
                kind: TaskKind::Call,
                title: "Передзвонити".into(),
                deal_id: None,
                company_id: Some(b.company.meta.id),
                contact_id: None,
                assignee_id: Some(olena),
                due_at: at("2026-03-03 09:00"),
            },
        )
        .await
        .unwrap();
    b.now("2026-03-20 10:00");
    let then = ctx.store.with_ports(
        std::sync::Arc::new(voronka_core::ManualClock::new(at("2026-03-04 10:00"))),
        std::sync::Arc::new(voronka_core::RandomIds::new()),
    );
    let o = ReportOptions {
        stuck_after_days: Some(1),
        ..Default::default()
    };
    let f = march();
    let mut by_manager = f.clone();
    by_manager.manager_id = Some(olena);
    for f in [f, by_manager] {
        let t = then.time_in_stage_report(&f, &o).await.unwrap();
        let counted: Vec<(i64, i64, Option<f64>)> =
            t.stages.iter().map(|s| (s.spells, s.current, s.mean_days)).collect();
        // On 4 March the deal had been in «Новий лід» for two days, and nowhere else yet.
        assert_eq!(counted[0], (1, 1, Some(2.0)), "{counted:?}");
        assert!(counted[1..].iter().all(|c| c.0 == 0), "{counted:?}");
        assert_eq!(t.stuck_total, 1);
        assert_eq!(t.stuck[0].stage, "Новий лід");
        assert_eq!(t.stuck[0].days_in_stage, 2.0);
    }
    let d = then.discipline_report(&march(), &o).await.unwrap();
    let overdue: Vec<&str> = d.overdue_tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(overdue.len(), 1, "only the contact task existed then: {overdue:?}");
    assert!(overdue[0].starts_with("Зв'язатися"), "{overdue:?}");
}

/// Every kept figure and roll-up, as the reports and the tables show them.
async fn figures(ctx: &Ctx, pipelines: &[Id]) -> Value {
    let s = &ctx.store;
    let mut out = serde_json::Map::new();
    let export = ctx.export().await;
    for table in ["deals", "companies", "payments"] {
        out.insert(table.into(), export[table].clone());
    }
    let o = ReportOptions::default();
    let mut filters = vec![period("2026-02-01", "2026-04-30"), march()];
    for p in pipelines {
        let mut f = march();
        f.pipeline_id = Some(*p);
        filters.push(f);
    }
    for m in [ctx.olena_id(), ctx.petro.meta.id] {
        let mut f = march();
        f.manager_id = Some(m);
        filters.push(f);
    }
    for (i, f) in filters.iter().enumerate() {
        for name in ReportName::ALL {
            let r = s.report(name, f, &o).await.unwrap();
            out.insert(format!("{i}:{name}"), serde_json::to_value(r).unwrap());
        }
    }
    Value::Object(out)
}

/// The kept figures equal those recomputed from the records' history.
pub(crate) async fn check(ctx: &Ctx, pipelines: &[Id], step: &str) {
    let kept = figures(ctx, pipelines).await;
    ctx.store.refresh_figures().await.unwrap();
    let recomputed = figures(ctx, pipelines).await;
    if kept != recomputed {
        let (Value::Object(k), Value::Object(r)) = (&kept, &recomputed) else {
            unreachable!()
        };
        let differ: Vec<&String> = k.keys().filter(|key| k[*key] != r[*key]).collect();
        panic!("after {step}, the kept figures differ from a recomputation in {differ:?}");
    }
}

pub async fn kept_figures_equal_a_recomputation_after_every_kind_of_edit(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro, s) = (ctx.olena_id(), ctx.petro.meta.id, &ctx.store);
    let (service, first) = b.service_pipeline().await;
    let pipelines = [ctx.pipeline.meta.id, service.meta.id];
    let other = ctx.company("Вікно", "0671110002").await;
    let other_contact = ctx.contact(&other, "Марія Вікно", "0501110002").await;

    b.now("2026-03-02 10:00");
    let deal = b.deal(olena, "A", "1000", None).await;
    let lost = b.deal(olena, "B", "500", None).await;
    check(&ctx, &pipelines, "creating deals").await;

    let deal = b
        .walk(
            deal,
            &[
                ("2026-03-03 10:00", "Кваліфікація"),
                ("2026-03-04 10:00", "КП надіслано"),
            ],
        )
        .await;
    // Back a stage and forward again: a re-entry.
    let deal = b
        .walk(
            deal,
            &[
                ("2026-03-05 10:00", "Кваліфікація"),
                ("2026-03-06 10:00", "КП надіслано"),
            ],
        )
        .await;
    check(&ctx, &pipelines, "moves and a re-entry").await;

    let call = b.outbound_call(olena, "2026-03-06 11:00", &deal).await;
    b.log(
        olena,
        ActivityKind::Meeting,
        "2026-03-06 12:00",
        Some(&deal),
        Some(&b.company),
        Direction::Outbound,
    )
    .await;
    b.contact_lead_done(&deal, "2026-03-06 13:00").await;
    check(&ctx, &pipelines, "calls, a meeting and a done task").await;

    let call = s
        .delete::<Activity>(olena, call.meta.id, call.meta.version)
        .await
        .unwrap();
    s.restore::<Activity>(olena, call.meta.id, call.meta.version)
        .await
        .unwrap();
    check(&ctx, &pipelines, "a call deleted and restored").await;

    // Amount, owner and company edited.
    let deal = s.get::<Deal>(deal.meta.id).await.unwrap();
    let mut input = ctx.deal_with("A", &other, &other_contact);
    input.owner_id = Some(petro);
    input.amount = Some("2500".into());
    let deal = s
        .update_deal(ctx.head.meta.id, deal.meta.id, deal.meta.version, &input)
        .await
        .unwrap();
    check(&ctx, &pipelines, "amount, owner and company edited").await;

    b.now("2026-03-07 10:00");
    let lost = b.lose(&lost, 1).await;
    check(&ctx, &pipelines, "a loss").await;
    let lost = b.moved(&lost, "Кваліфікація", None).await;
    check(&ctx, &pipelines, "a reopening").await;

    b.now("2026-03-08 10:00");
    let paid = b.pay(&deal, "1000", "2026-03-10", Some("2026-03-10 12:00")).await;
    let planned = b.pay(&deal, "1500", "2026-03-20", None).await;
    s.cancel_payment(petro, planned.meta.id, planned.meta.version)
        .await
        .unwrap();
    check(&ctx, &pipelines, "payments paid and cancelled").await;
    let _ = paid;

    b.now("2026-03-09 10:00");
    let deal = s.get::<Deal>(deal.meta.id).await.unwrap();
    let moved = s
        .move_deal(
            petro,
            deal.meta.id,
            deal.meta.version,
            &MoveDeal {
                stage_id: Some(first.meta.id),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    check(&ctx, &pipelines, "a move to another pipeline").await;

    let gone = s
        .delete::<Deal>(petro, moved.meta.id, moved.meta.version)
        .await
        .unwrap();
    check(&ctx, &pipelines, "a deleted deal").await;
    s.restore::<Deal>(petro, gone.meta.id, gone.meta.version).await.unwrap();
    check(&ctx, &pipelines, "a restored deal").await;

    let kp = ctx.stage("КП надіслано");
    s.update_stage(
        ctx.admin.meta.id,
        kp.meta.id,
        kp.meta.version,
        &StageInput {
            pipeline_id: kp.data.pipeline_id,
            name: kp.data.name.to_string(),
            position: ctx.stage("Успішно").data.position + 1,
            kind: kp.data.kind,
            win_probability: Some(kp.data.win_probability),
            required_fields: kp.data.required_fields.clone(),
        },
    )
    .await
    .unwrap();
    check(&ctx, &pipelines, "a reordered stage").await;

    let lost = s.get::<Deal>(lost.meta.id).await.unwrap();
    b.moved(&lost, "Успішно", None).await;
    check(&ctx, &pipelines, "a win").await;
}
