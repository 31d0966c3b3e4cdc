use crate::harness::Ctx;
use chrono::Duration;
use voronka_core::ErrorCode;
use voronka_core::model::*;
use voronka_store::{Page, TaskFilter, TimelineOf};

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

/// A deal with its `contact_lead` task, and what a refused completion must leave untouched.
async fn deal_with_lead_task(ctx: &Ctx) -> (Deal, Task) {
    let s = &ctx.store;
    let deal = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Покрівля"), None)
        .await
        .unwrap();
    let task = s
        .list_tasks(
            &TaskFilter {
                deal_id: Some(deal.meta.id),
                ..Default::default()
            },
            Page::first(10),
        )
        .await
        .unwrap()
        .items
        .remove(0);
    (deal, task)
}

fn next_call(ctx: &Ctx, deal: &Deal, title: &str) -> TaskInput {
    TaskInput {
        kind: TaskKind::Call,
        title: title.into(),
        deal_id: Some(deal.meta.id),
        company_id: None,
        contact_id: None,
        assignee_id: None,
        due_at: ctx.clock_now() + Duration::days(2),
    }
}

async fn written(ctx: &Ctx) -> [i64; 3] {
    [
        ctx.count("tasks").await,
        ctx.count("activities").await,
        ctx.count("audit_log").await,
    ]
}

pub async fn completing_a_task_creates_the_next_one_in_the_same_transaction(ctx: Ctx) {
    let s = &ctx.store;
    let (deal, task) = deal_with_lead_task(&ctx).await;
    let before = written(&ctx).await;
    let done = s
        .complete_task_with_next(
            ctx.olena_id(),
            task.meta.id,
            task.meta.version,
            "Зателефонувала, домовились про замір",
            Some(&next_call(&ctx, &deal, "Узгодити час заміру")),
        )
        .await
        .unwrap();
    assert_eq!(
        done.done.result.as_deref(),
        Some("Зателефонувала, домовились про замір")
    );
    let next = done.next.clone().expect("the next task");
    assert_eq!(
        (next.data.deal_id, next.data.assignee_id, next.author_id, next.done_at),
        (Some(deal.meta.id), ctx.olena_id(), ctx.olena_id(), None)
    );
    assert_eq!(s.get::<Task>(next.meta.id).await.unwrap(), next);
    let after = written(&ctx).await;
    assert_eq!(
        [after[0] - before[0], after[1] - before[1], after[2] - before[2]],
        [1, 1, 3],
        "one new task, the result on the timeline, an audit entry for each of the three writes"
    );
    let today = s.today(ctx.olena_id()).await.unwrap();
    assert!(
        today.deals_without_task.is_empty(),
        "rule 2: the deal keeps an open task"
    );

    // Rule 2: the deal's last open task cannot be closed without the next one.
    let before = written(&ctx).await;
    let elsewhere = TaskInput {
        deal_id: None,
        ..next_call(&ctx, &deal, "Інша справа")
    };
    for then in [None, Some(&elsewhere)] {
        let err = s
            .complete_task_with_next(
                ctx.olena_id(),
                next.meta.id,
                next.meta.version,
                "Замір узгоджено на п'ятницю",
                then,
            )
            .await
            .unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::InvalidState, Some("next")),
            "{err}"
        );
    }
    let err = s
        .complete_task(
            ctx.olena_id(),
            next.meta.id,
            next.meta.version,
            "Замір узгоджено на п'ятницю",
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidState, Some("next"))
    );
    assert_eq!(written(&ctx).await, before, "a refused completion writes nothing");
    assert_eq!(s.get::<Task>(next.meta.id).await.unwrap(), next, "the task stays open");
}

pub async fn a_refused_next_task_or_a_stale_version_writes_nothing(ctx: Ctx) {
    let s = &ctx.store;
    let (deal, task) = deal_with_lead_task(&ctx).await;
    let result = "Зателефонувала, домовились про замір";
    let gone = s
        .create_user(
            Some(ctx.admin.meta.id),
            &UserInput {
                name: "Ігор Звільнений".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    s.delete::<User>(ctx.admin.meta.id, gone.meta.id, gone.meta.version)
        .await
        .unwrap();
    let before = written(&ctx).await;
    let refusals = [
        (
            next_call(&ctx, &deal, "  "),
            task.meta.version,
            ErrorCode::Invalid,
            "next.title",
        ),
        (
            TaskInput {
                assignee_id: Some(gone.meta.id),
                ..next_call(&ctx, &deal, "Узгодити час")
            },
            task.meta.version,
            ErrorCode::Invalid,
            "next.assignee_id",
        ),
        (
            TaskInput {
                contact_id: Some(gone.meta.id),
                ..next_call(&ctx, &deal, "Узгодити час")
            },
            task.meta.version,
            ErrorCode::Invalid,
            "next.contact_id",
        ),
        (
            next_call(&ctx, &deal, "Узгодити час"),
            task.meta.version + 1,
            ErrorCode::Conflict,
            "version",
        ),
    ];
    for (next, version, code, field) in refusals {
        let err = s
            .complete_task_with_next(ctx.olena_id(), task.meta.id, version, result, Some(&next))
            .await
            .unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (code, Some(field)), "{err}");
        assert_eq!(written(&ctx).await, before, "refused on {field}: nothing written");
        assert_eq!(s.get::<Task>(task.meta.id).await.unwrap(), task, "the task stays open");
    }
    let err = s
        .complete_task_with_next(
            ctx.olena_id(),
            task.meta.id,
            task.meta.version,
            "+",
            Some(&next_call(&ctx, &deal, "Узгодити")),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ResultNotMeaningful);
    assert_eq!(written(&ctx).await, before);
}
