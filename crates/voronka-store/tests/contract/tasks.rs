use crate::harness::Ctx;
use chrono::Duration;
use voronka_core::ErrorCode;
use voronka_core::model::*;
use voronka_store::{Page, TimelineOf};

pub async fn task_needs_a_meaningful_result(ctx: Ctx) {
    let s = &ctx.store;
    let company = ctx.company("Дах", "0671234567").await;
    let task = s
        .create_task(
            ctx.head.meta.id,
            &TaskInput {
                kind: TaskKind::Call,
                title: "Передзвонити".into(),
                deal_id: None,
                company_id: Some(company.meta.id),
                contact_id: None,
                assignee_id: Some(ctx.olena_id()),
                due_at: ctx.clock_now() + Duration::hours(2),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (task.author_id, task.data.assignee_id),
        (ctx.head.meta.id, ctx.olena_id())
    );
    for empty in ["", "+", "ok", " - ", "..."] {
        let err = s
            .complete_task(ctx.olena_id(), task.meta.id, task.meta.version, empty)
            .await
            .unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::ResultNotMeaningful, Some("result")),
            "rule 3 refuses {empty:?}"
        );
    }
    assert_eq!(
        s.get::<Task>(task.meta.id).await.unwrap(),
        task,
        "refused completions leave the task open"
    );
    ctx.clock.advance(Duration::minutes(30));
    let done = s
        .complete_task(
            ctx.olena_id(),
            task.meta.id,
            task.meta.version,
            "Домовились про замір у четвер",
        )
        .await
        .unwrap();
    assert_eq!(done.done_at, Some(ctx.clock_now()));
    assert_eq!(done.result.as_deref(), Some("Домовились про замір у четвер"));
    let err = s
        .complete_task(ctx.olena_id(), task.meta.id, done.meta.version, "ще раз")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidState, "a done task stays done");
    let timeline = s
        .timeline(TimelineOf::Company(company.meta.id), Page::first(10))
        .await
        .unwrap()
        .items;
    assert_eq!(timeline.len(), 1);
    assert_eq!(
        timeline[0].data.kind,
        ActivityKind::TaskResult,
        "the result lands on the company's timeline"
    );
    assert!(timeline[0].data.body.as_deref().unwrap().contains("замір"));
    assert!(
        task.is_overdue(ctx.clock_now() + Duration::hours(3)) && !done.is_overdue(ctx.clock_now() + Duration::hours(3))
    );
}

pub async fn timeline_merges_a_company_and_its_deals(ctx: Ctx) {
    let s = &ctx.store;
    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван", "0509876543").await;
    let mut input = ctx.deal_input("Покрівля");
    input.company_id = Some(company.meta.id);
    let deal = s
        .create_deal(ctx.olena_id(), &input, Some(ctx.stage("Новий лід").meta.id))
        .await
        .unwrap();
    let log = |kind, deal_id, contact_id, company_id, body: &str, minutes| ActivityInput {
        kind,
        deal_id,
        company_id,
        contact_id,
        occurred_at: Some(crate::harness::start() + Duration::minutes(minutes)),
        body: Some(body.into()),
        details: ActivityDetails {
            duration_s: Some(90),
            ..Default::default()
        },
    };
    s.log_activity(
        ctx.olena_id(),
        &log(
            ActivityKind::Call,
            Some(deal.meta.id),
            None,
            None,
            "дзвінок по угоді",
            10,
        ),
    )
    .await
    .unwrap();
    s.log_activity(
        ctx.olena_id(),
        &log(
            ActivityKind::Email,
            None,
            Some(contact.meta.id),
            None,
            "лист контакту",
            20,
        ),
    )
    .await
    .unwrap();
    s.log_activity(
        ctx.olena_id(),
        &log(ActivityKind::Note, None, None, Some(company.meta.id), "нотатка", 30),
    )
    .await
    .unwrap();
    let err = s
        .log_activity(ctx.olena_id(), &log(ActivityKind::Note, None, None, None, "нічия", 40))
        .await
        .unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("deal_id"),
        "an activity must belong somewhere"
    );
    let bodies = |items: Vec<Activity>| items.into_iter().map(|a| a.data.body.unwrap()).collect::<Vec<_>>();
    let merged = s
        .timeline(TimelineOf::Company(company.meta.id), Page::first(10))
        .await
        .unwrap();
    assert_eq!(
        bodies(merged.items),
        ["нотатка", "лист контакту", "дзвінок по угоді"],
        "one merged timeline, newest first"
    );
    let first = s
        .timeline(TimelineOf::Company(company.meta.id), Page::first(2))
        .await
        .unwrap();
    assert!(first.more, "a page says when more follow");
    let call = s
        .timeline(TimelineOf::Deal(deal.meta.id), Page::first(10))
        .await
        .unwrap()
        .items;
    assert_eq!(
        call[0].data.details.direction,
        Some(Direction::Outbound),
        "a call defaults to outbound"
    );
    assert_eq!(
        bodies(
            s.timeline(TimelineOf::Contact(contact.meta.id), Page::first(10))
                .await
                .unwrap()
                .items
        ),
        ["лист контакту"]
    );
}
