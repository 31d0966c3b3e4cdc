//! The head's regulations: rule 1's lead rotation and rule 5's loss review.

use crate::harness::{Ctx, refused};
use chrono::Duration;
use std::sync::Arc;
use voronka_core::model::*;
use voronka_core::notify::NotificationKind;
use voronka_core::{ErrorCode, Id, RandomIds};
use voronka_store::{MoveDeal, Page, Store, TaskFilter};

async fn manager(ctx: &Ctx, name: &str) -> User {
    let input = UserInput {
        name: name.into(),
        role: Some(Role::Manager),
        ..Default::default()
    };
    ctx.store.create_user(Some(ctx.head.meta.id), &input).await.unwrap()
}

fn rotation(members: Vec<Id>, lead_limit: i64) -> LeadRotationInput {
    LeadRotationInput {
        enabled: true,
        member_ids: members,
        lead_limit,
    }
}

/// A new lead of `owner`'s with a company made with it (and its contact), as a site form
/// brings one in.
async fn lead(ctx: &Ctx, owner: Id, name: &str, phone: &str) -> (Deal, Company, Contact) {
    let (company, contact, deal) = ctx.client_of(owner, name, phone).await;
    (deal, company, contact)
}

async fn lead_task(s: &Store, deal: Id) -> Task {
    let tasks = s
        .list_tasks(
            &TaskFilter {
                deal_id: Some(deal),
                ..Default::default()
            },
            Page::default(),
        )
        .await
        .unwrap()
        .items;
    tasks
        .into_iter()
        .find(|t| t.data.kind == TaskKind::ContactLead)
        .expect("rule 1: a new lead has its contact task")
}

pub async fn only_the_head_and_the_admin_set_the_rotation(ctx: Ctx) {
    let s = &ctx.store;
    let (admin, head, olena, petro) = (ctx.admin.meta.id, ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let off = s.lead_rotation().await.unwrap();
    assert_eq!(
        (off.meta.version, off.data.enabled),
        (0, false),
        "off until first saved"
    );
    refused(
        s.save_lead_rotation(olena, 0, &rotation(vec![olena, petro], 0)).await,
        ErrorCode::Forbidden,
        "regulations",
    );
    refused(
        s.save_lead_rotation(head, 0, &rotation(vec![olena], 0)).await,
        ErrorCode::Invalid,
        "member_ids",
    );
    refused(
        s.save_lead_rotation(head, 0, &rotation(vec![olena, head], 0)).await,
        ErrorCode::Invalid,
        "member_ids[1]",
    );
    refused(
        s.save_lead_rotation(head, 0, &rotation(vec![olena, petro], -1)).await,
        ErrorCode::Invalid,
        "lead_limit",
    );
    assert_eq!(ctx.count("lead_rotation").await, 0, "the refusals wrote nothing");
    let saved = s
        .save_lead_rotation(head, 0, &rotation(vec![petro, olena], 2))
        .await
        .unwrap();
    assert_eq!(saved.data.member_ids, vec![petro, olena], "the order is kept");
    refused(
        s.save_lead_rotation(admin, 0, &rotation(vec![olena, petro], 2)).await,
        ErrorCode::Conflict,
        "version",
    );
    let changed = s
        .save_lead_rotation(admin, saved.meta.version, &rotation(vec![olena, petro], 0))
        .await
        .unwrap();
    assert_eq!((changed.meta.version, changed.data.lead_limit), (2, 0));
    assert_eq!(s.lead_rotation().await.unwrap(), changed);
    refused(s.rotate_leads(olena).await, ErrorCode::Forbidden, "regulations");
}

pub async fn an_unprocessed_lead_passes_to_the_next_free_manager_and_the_head_is_told(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let ivan = manager(&ctx, "Іван Пасивний").await;
    let marko = manager(&ctx, "Марко Вільний").await;
    s.save_lead_rotation(head, 0, &rotation(vec![olena, ivan.meta.id, petro, marko.meta.id], 1))
        .await
        .unwrap();
    // Ivan leaves; Petro holds one unprocessed lead, his limit.
    let ivan = s.get::<User>(ivan.meta.id).await.unwrap();
    s.update_user(
        head,
        ivan.meta.id,
        ivan.meta.version,
        &UserInput {
            name: ivan.data.name.to_string(),
            role: Some(Role::Manager),
            active: Some(false),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // The head's first tick starts the notification window before anything happens.
    s.notifications_due(head).await.unwrap();
    s.notifications_due(marko.meta.id).await.unwrap();
    let (deal, company, contact) = lead(&ctx, olena, "ТОВ Дах", "+380501234001").await;
    ctx.clock.advance(Duration::minutes(10));
    let (petros, _, _) = lead(&ctx, petro, "ФОП Вікна", "+380501234002").await;
    ctx.clock.advance(Duration::minutes(4));
    assert!(
        s.rotate_leads(head).await.unwrap().is_empty(),
        "the lead is still within its 15 minutes"
    );
    ctx.clock.advance(Duration::minutes(2));

    let handed = s.rotate_leads(head).await.unwrap();
    assert_eq!(handed.len(), 1, "only Olena's lead is past its time: {handed:?}");
    let h = &handed[0];
    assert_eq!(
        (h.deal_id, h.from_user_id, h.to_user_id),
        (deal.meta.id, olena, marko.meta.id),
        "Ivan is inactive and Petro at his limit: Marko takes it"
    );
    let task = lead_task(s, deal.meta.id).await;
    assert_eq!(task.data.assignee_id, marko.meta.id);
    assert_eq!(
        task.data.due_at,
        ctx.clock_now() + Duration::minutes(15),
        "Marko gets the lead response minutes anew"
    );
    assert_eq!(s.get::<Deal>(deal.meta.id).await.unwrap().data.owner_id, marko.meta.id);
    assert_eq!(
        s.get::<Company>(company.meta.id).await.unwrap().data.owner_id,
        marko.meta.id,
        "the company came with the lead and goes with it"
    );
    assert_eq!(
        s.get::<Contact>(contact.meta.id).await.unwrap().data.owner_id,
        marko.meta.id
    );
    assert_eq!(
        s.get::<Deal>(petros.meta.id).await.unwrap().data.owner_id,
        petro,
        "Petro's lead is not yet due"
    );
    assert!(
        s.rotate_leads(head).await.unwrap().is_empty(),
        "a lead passes once per delay"
    );

    let told = s.notifications_due(head).await.unwrap();
    let rotated: Vec<_> = told
        .iter()
        .filter(|n| n.kind == NotificationKind::LeadRotated)
        .collect();
    assert_eq!(rotated.len(), 1, "the head is told: {told:?}");
    let about = rotated[0].handover.as_ref().unwrap();
    assert_eq!(
        (about.from_name.as_str(), about.to_name.as_str()),
        ("Олена Коваль", "Марко Вільний")
    );
    assert!(
        s.notifications_due(head)
            .await
            .unwrap()
            .iter()
            .all(|n| n.kind != NotificationKind::LeadRotated),
        "once"
    );
    let new_lead = s.notifications_due(marko.meta.id).await.unwrap();
    assert!(
        new_lead
            .iter()
            .any(|n| n.kind == NotificationKind::NewLead && n.deal_id == Some(deal.meta.id)),
        "Marko hears of his new lead: {new_lead:?}"
    );

    // Marko does not call either: it passes on, wrapping round to Olena.
    ctx.clock.advance(Duration::minutes(16));
    let petros_task = lead_task(s, petros.meta.id).await;
    let follow_up = TaskInput {
        kind: TaskKind::Meeting,
        title: "Замір на об'єкті".into(),
        deal_id: Some(petros.meta.id),
        company_id: None,
        contact_id: None,
        assignee_id: None,
        due_at: ctx.clock_now() + Duration::days(1),
    };
    s.complete_task_with_next(
        petro,
        petros_task.meta.id,
        petros_task.meta.version,
        "Подзвонив, домовились про замір",
        Some(&follow_up),
    )
    .await
    .unwrap();
    let again = s.rotate_leads(head).await.unwrap();
    assert_eq!(
        again.iter().map(|h| (h.from_user_id, h.to_user_id)).collect::<Vec<_>>(),
        vec![(marko.meta.id, olena)]
    );
    // Switched off, nothing passes.
    let current = s.lead_rotation().await.unwrap();
    s.save_lead_rotation(
        head,
        current.meta.version,
        &LeadRotationInput {
            enabled: false,
            ..rotation(current.data.member_ids.clone(), 1)
        },
    )
    .await
    .unwrap();
    ctx.clock.advance(Duration::minutes(16));
    assert!(s.rotate_leads(head).await.unwrap().is_empty(), "the rotation is off");
    assert_eq!(ctx.count("lead_handovers").await, 2);
}

pub async fn of_two_schedulers_stepping_at_once_exactly_one_hands_each_lead_over(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    s.save_lead_rotation(head, 0, &rotation(vec![olena, petro], 0))
        .await
        .unwrap();
    let mut deals = Vec::new();
    for i in 0..6 {
        deals.push(
            lead(&ctx, olena, &format!("Клієнт {i}"), &format!("+38050300000{i}"))
                .await
                .0,
        );
    }
    ctx.clock.advance(Duration::minutes(20));
    // A second desktop of the team: its own store and pool on the same database.
    let other = Store::open_with(&ctx.url, ctx.clock.clone(), Arc::new(RandomIds::new()))
        .await
        .unwrap();
    let admin = ctx.admin.meta.id;
    let (a, b) = tokio::join!(s.rotate_leads(head), other.rotate_leads(admin));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(
        a.len() + b.len(),
        6,
        "each lead once between them: {} + {}",
        a.len(),
        b.len()
    );
    assert_eq!(ctx.count("lead_handovers").await, 6);
    for deal in &deals {
        let task = lead_task(s, deal.meta.id).await;
        assert_eq!(task.data.assignee_id, petro);
        assert_eq!(task.meta.version, 2, "the task was changed once");
        assert_eq!(s.get::<Deal>(deal.meta.id).await.unwrap().meta.version, 2);
    }
    other.close().await;
}

async fn lost_deal(ctx: &Ctx, name: &str, phone: &str) -> (Deal, Task) {
    let s = &ctx.store;
    let company = ctx.company(name, phone).await;
    let contact = ctx.contact(&company, &format!("Контакт {name}"), phone).await;
    let deal = s
        .create_deal(
            ctx.olena_id(),
            &ctx.deal_with(&format!("Угода {name}"), &company, &contact),
            None,
        )
        .await
        .unwrap();
    let lost = s
        .move_deal(
            ctx.olena_id(),
            deal.meta.id,
            deal.meta.version,
            &MoveDeal {
                stage_id: Some(ctx.stage("Програно").meta.id),
                loss_reason_id: Some(ctx.reasons[0].meta.id),
                loss_comment: Some("Дорого".into()),
            },
        )
        .await
        .unwrap();
    let review = reviews_of(s, deal.meta.id).await.remove(0);
    (lost, review)
}

async fn reviews_of(s: &Store, deal: Id) -> Vec<Task> {
    s.list_tasks(
        &TaskFilter {
            deal_id: Some(deal),
            ..Default::default()
        },
        Page::default(),
    )
    .await
    .unwrap()
    .items
    .into_iter()
    .filter(|t| t.data.kind == TaskKind::ReviewLost)
    .collect()
}

fn review(decision: LossDecision) -> LossReviewInput {
    LossReviewInput {
        objections_handled: Some(false),
        call_attempts: Some(3),
        can_revive: Some(true),
        comment: "Заперечення про ціну не відпрацьоване".into(),
        decision,
        stage_id: None,
        task_title: None,
        task_due_at: None,
    }
}

pub async fn a_confirmed_loss_stays_lost_and_keeps_the_answers(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena) = (ctx.head.meta.id, ctx.olena_id());
    let (deal, task) = lost_deal(&ctx, "ТОВ Цегла", "+380501110101").await;
    refused(
        s.close_loss_review(olena, task.meta.id, task.meta.version, &review(LossDecision::Confirm))
            .await,
        ErrorCode::Forbidden,
        "regulations",
    );
    refused(
        s.complete_task(head, task.meta.id, task.meta.version, "Все перевірено, підтверджую")
            .await,
        ErrorCode::InvalidState,
        "kind",
    );
    refused(
        s.close_loss_review(
            head,
            task.meta.id,
            task.meta.version,
            &LossReviewInput {
                comment: "+".into(),
                ..review(LossDecision::Confirm)
            },
        )
        .await,
        ErrorCode::ResultNotMeaningful,
        "comment",
    );
    assert_eq!(ctx.count("loss_reviews").await, 0, "the refusals wrote nothing");
    let tasks_before = ctx.count("tasks").await;
    let closed = s
        .close_loss_review(head, task.meta.id, task.meta.version, &review(LossDecision::Confirm))
        .await
        .unwrap();
    assert_eq!(closed.deal.status, DealStatus::Lost, "a confirmed loss stays lost");
    assert_eq!(s.get::<Deal>(deal.meta.id).await.unwrap().status, DealStatus::Lost);
    assert!(closed.task.done_at.is_some() && closed.next.is_none());
    assert_eq!(
        closed.task.result.as_deref(),
        Some("Заперечення про ціну не відпрацьоване")
    );
    assert_eq!(
        ctx.count("tasks").await,
        tasks_before,
        "closing a review makes no task, no new review"
    );
    let kept = s.loss_reviews(deal.meta.id).await.unwrap();
    assert_eq!(kept, vec![closed.review.clone()]);
    assert_eq!(
        (
            kept[0].answers.objections_handled,
            kept[0].answers.call_attempts,
            kept[0].answers.can_revive
        ),
        (Some(false), Some(3), Some(true))
    );
    refused(
        s.close_loss_review(
            head,
            task.meta.id,
            closed.task.meta.version,
            &review(LossDecision::Confirm),
        )
        .await,
        ErrorCode::InvalidState,
        "done_at",
    );
}

pub async fn a_reopened_deal_goes_back_to_work_with_a_task_and_no_new_review(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena) = (ctx.head.meta.id, ctx.olena_id());
    let (deal, task) = lost_deal(&ctx, "ТОВ Пісок", "+380501110102").await;
    s.notifications_due(olena).await.unwrap();
    let due = ctx.clock_now() + Duration::days(1);
    let reopen = LossReviewInput {
        stage_id: Some(ctx.stage("Кваліфікація").meta.id),
        task_title: Some("Запропонувати розстрочку".into()),
        task_due_at: Some(due),
        ..review(LossDecision::Reopen)
    };
    for (bad, field) in [
        (
            LossReviewInput {
                stage_id: None,
                ..reopen.clone()
            },
            "stage_id",
        ),
        (
            LossReviewInput {
                stage_id: Some(ctx.stage("Успішно").meta.id),
                ..reopen.clone()
            },
            "stage_id",
        ),
        (
            LossReviewInput {
                task_due_at: Some(ctx.clock_now() - Duration::hours(1)),
                ..reopen.clone()
            },
            "task_due_at",
        ),
    ] {
        refused(
            s.close_loss_review(head, task.meta.id, task.meta.version, &bad).await,
            ErrorCode::Invalid,
            field,
        );
    }
    assert_eq!(ctx.count("loss_reviews").await, 0, "the refusals wrote nothing");
    let closed = s
        .close_loss_review(head, task.meta.id, task.meta.version, &reopen)
        .await
        .unwrap();
    let back = s.get::<Deal>(deal.meta.id).await.unwrap();
    assert_eq!(
        (back.status, back.stage_id, back.loss_reason_id, back.closed_at),
        (DealStatus::Open, ctx.stage("Кваліфікація").meta.id, None, None)
    );
    let next = closed.next.expect("the manager gets a task");
    assert_eq!(
        (
            next.data.assignee_id,
            next.data.deal_id,
            next.data.due_at,
            next.author_id
        ),
        (olena, Some(deal.meta.id), due, head)
    );
    assert_eq!(
        reviews_of(s, deal.meta.id).await.len(),
        1,
        "reopening closes the review and never spawns another"
    );
    assert!(reviews_of(s, deal.meta.id).await[0].done_at.is_some());
    let kept = s.loss_reviews(deal.meta.id).await.unwrap();
    assert_eq!(
        (kept[0].decision, kept[0].reopened_stage_id, kept[0].reopen_task_id),
        (
            LossDecision::Reopen,
            Some(ctx.stage("Кваліфікація").meta.id),
            Some(next.meta.id)
        )
    );
    let told = s.notifications_due(olena).await.unwrap();
    assert!(
        told.iter()
            .any(|n| n.kind == NotificationKind::TaskAssigned
                && n.task.as_ref().map(|t| t.task_id) == Some(next.meta.id)),
        "the manager is told: {told:?}"
    );
    // Nobody plans a review by hand, or as the next step of a task.
    refused(
        s.create_task(
            head,
            &TaskInput {
                kind: TaskKind::ReviewLost,
                title: "Ще раз розібрати".into(),
                deal_id: Some(deal.meta.id),
                company_id: None,
                contact_id: None,
                assignee_id: Some(head),
                due_at: due,
            },
        )
        .await,
        ErrorCode::Invalid,
        "kind",
    );
    refused(
        s.complete_task_with_next(
            olena,
            next.meta.id,
            next.meta.version,
            "Клієнт погодився на розстрочку",
            Some(&TaskInput {
                kind: TaskKind::ReviewLost,
                title: "Розбір".into(),
                deal_id: Some(deal.meta.id),
                company_id: None,
                contact_id: None,
                assignee_id: Some(head),
                due_at: due,
            }),
        )
        .await,
        ErrorCode::Invalid,
        "next.kind",
    );
}
