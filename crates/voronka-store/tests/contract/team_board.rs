//! The head's team board and rule 2's flag: each manager's day side by side, any manager's
//! Today opened as they see it, and "without a task" computed by the store on every deal read.

use crate::harness::Ctx;
use chrono::Duration;
use voronka_core::model::*;
use voronka_core::{ErrorCode, Id};
use voronka_store::{DealFilter, Page};

fn task(title: &str, assignee: Id, deal: Option<Id>, due: chrono::DateTime<chrono::Utc>) -> TaskInput {
    TaskInput {
        kind: TaskKind::Call,
        title: title.into(),
        deal_id: deal,
        company_id: None,
        contact_id: None,
        assignee_id: Some(assignee),
        due_at: due,
    }
}

/// Olena's deal that starts past the new-lead stage, so no task comes with it.
async fn bare_deal(ctx: &Ctx) -> Deal {
    let company = ctx.company("Без задачі ТОВ", "+380501234567").await;
    let contact = ctx.contact(&company, "Іван Без Задачі", "+380671234567").await;
    let stage = ctx.stage("Кваліфікація").meta.id;
    ctx.store
        .create_deal(
            ctx.olena_id(),
            &ctx.deal_with("Без задачі", &company, &contact),
            Some(stage),
        )
        .await
        .unwrap()
}

pub async fn the_head_sees_each_managers_day_and_opens_her_today(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let now = ctx.clock_now();
    s.create_task(
        olena,
        &task("Прострочений дзвінок", olena, None, now + Duration::minutes(30)),
    )
    .await
    .unwrap();
    ctx.clock.advance(Duration::hours(1));
    let now = ctx.clock_now();
    s.create_task(olena, &task("Сьогодні", olena, None, now + Duration::hours(2)))
        .await
        .unwrap();
    s.create_task(olena, &task("Завтра", olena, None, now + Duration::days(1)))
        .await
        .unwrap();
    s.create_deal(olena, &ctx.deal_input("Новий лід"), None).await.unwrap();
    let bare = bare_deal(&ctx).await;

    let board = s.team_board(head).await.unwrap();
    let names: Vec<&str> = board.iter().map(|d| d.user.data.name.as_str()).collect();
    assert_eq!(names, ["Олена Коваль", "Петро Шевчук"], "every active manager, by name");
    let day = &board[0];
    assert_eq!(
        (
            day.overdue.len(),
            day.today.len(),
            day.tomorrow.len(),
            day.leads_waiting
        ),
        (1, 2, 1, 1),
        "the overdue call; today's call and the new lead's contact; tomorrow's; one lead waiting"
    );
    assert_eq!(
        day.deals_without_task.iter().map(|d| d.meta.id).collect::<Vec<_>>(),
        [bare.meta.id]
    );
    assert!(day.deals_without_task[0].without_task);
    let quiet = &board[1];
    assert!(quiet.overdue.is_empty() && quiet.deals_without_task.is_empty() && quiet.leads_waiting == 0);

    let hers = s.today(olena).await.unwrap();
    let as_head = s.today_of(head, olena).await.unwrap();
    let ids = |v: &voronka_store::TodayView| {
        [&v.overdue, &v.today, &v.tomorrow, &v.later].map(|g| g.iter().map(|t| t.meta.id).collect::<Vec<_>>())
    };
    assert_eq!(ids(&as_head), ids(&hers), "the head sees her Today as she does");
    assert!(s.today_of(olena, olena).await.is_ok(), "her own");

    let err = s.team_board(olena).await.unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Forbidden, Some("report")));
    let err = s.today_of(petro, olena).await.unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Forbidden, Some("task")));
}

pub async fn every_deal_read_flags_an_open_deal_without_a_task(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    let lead = s.create_deal(olena, &ctx.deal_input("Новий лід"), None).await.unwrap();
    let bare = bare_deal(&ctx).await;
    assert!(!lead.without_task && bare.without_task, "as created");

    let flags = |deals: &[Deal]| {
        let of = |id: Id| deals.iter().find(|d| d.meta.id == id).map(|d| d.without_task);
        (of(lead.meta.id), of(bare.meta.id))
    };
    let listed = s
        .list_deals(&DealFilter::default(), Page::first(10))
        .await
        .unwrap()
        .items;
    assert_eq!(flags(&listed), (Some(false), Some(true)), "the table");
    let board = s.board(ctx.pipeline.meta.id, None, 10).await.unwrap();
    let on_board: Vec<Deal> = board.into_iter().flat_map(|c| c.deals).collect();
    assert_eq!(flags(&on_board), (Some(false), Some(true)), "the kanban, whoever looks");
    let card: Deal = s.get(bare.meta.id).await.unwrap();
    assert!(card.without_task, "the card");

    let planned = s
        .create_task(
            olena,
            &task(
                "Зустріч",
                olena,
                Some(bare.meta.id),
                ctx.clock_now() + Duration::days(1),
            ),
        )
        .await
        .unwrap();
    let card: Deal = s.get(bare.meta.id).await.unwrap();
    assert!(!card.without_task, "a task clears the flag");
    let history = s.audit_history(bare.meta.id, Page::first(5)).await.unwrap().items;
    assert!(
        history
            .iter()
            .all(|e| e.after.as_ref().is_none_or(|a| a.get("without_task").is_none())),
        "the flag is computed, never kept in the audit log"
    );
    let err = s
        .delete_task(olena, planned.meta.id, planned.meta.version)
        .await
        .unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("next"),
        "rule 2 keeps the task that clears it"
    );
}
