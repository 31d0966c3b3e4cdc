//! Rule 7, the head's handover: the move takes exactly what the preview showed, nothing of
//! anyone else's, each record with its audit entry; several receivers share it evenly; only the
//! head and the admin may do it.

use crate::harness::Ctx;
use chrono::Duration;
use std::collections::HashSet;
use voronka_core::handover::{HandoverEntity, HandoverPlan, HandoverScope};
use voronka_core::model::*;
use voronka_core::notify::{NotificationKind, NotificationSettings};
use voronka_core::{ErrorCode, Id};
use voronka_store::{MoveDeal, Page};

/// A third manager to receive.
async fn maria(ctx: &Ctx) -> Id {
    let input = UserInput {
        name: "Марія Бондар".into(),
        role: Some(Role::Manager),
        ..Default::default()
    };
    ctx.store
        .create_user(Some(ctx.head.meta.id), &input)
        .await
        .unwrap()
        .meta
        .id
}

fn task(title: &str, assignee: Id, deal: Option<Id>, company: Option<Id>, ctx: &Ctx) -> TaskInput {
    TaskInput {
        kind: TaskKind::Call,
        title: title.into(),
        deal_id: deal,
        company_id: company,
        contact_id: None,
        assignee_id: Some(assignee),
        due_at: ctx.clock_now() + Duration::hours(3),
    }
}

/// A client of `owner` (see [`Ctx::client_of`]) with the `n`-th phone of the test.
async fn client(ctx: &Ctx, owner: Id, name: &str, n: u32) -> (Company, Contact, Deal) {
    ctx.client_of(owner, name, &format!("+38050{:07}", 1_000_000 + n)).await
}

fn ids(plan: &HandoverPlan) -> HashSet<(HandoverEntity, Id)> {
    let of =
        |e, items: &Vec<voronka_core::handover::HandoverItem>| items.iter().map(move |i| (e, i.id)).collect::<Vec<_>>();
    [
        of(HandoverEntity::Company, &plan.companies),
        of(HandoverEntity::Contact, &plan.contacts),
        of(HandoverEntity::Deal, &plan.deals),
        of(HandoverEntity::Task, &plan.tasks),
    ]
    .concat()
    .into_iter()
    .collect()
}

pub async fn a_handover_moves_exactly_what_the_preview_shows(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let maria = maria(&ctx).await;
    let (company, contact, deal) = client(&ctx, olena, "Вікна Захід", 1).await;
    let extra = s
        .create_task(olena, &task("Надіслати КП", olena, Some(deal.meta.id), None, &ctx))
        .await
        .unwrap();
    let loose = s
        .create_task(olena, &task("Свій дзвінок", olena, None, None, &ctx))
        .await
        .unwrap();
    // What does not move: a lost deal, a done task, Petro's client.
    let (_, _, lost) = client(&ctx, olena, "Дахи Схід", 2).await;
    let lost_stage = ctx.stages.iter().find(|st| st.data.kind == StageKind::Lost).unwrap();
    let lost = s
        .move_deal(
            olena,
            lost.meta.id,
            lost.meta.version,
            &MoveDeal {
                stage_id: Some(lost_stage.meta.id),
                loss_reason_id: Some(ctx.reasons[0].meta.id),
                loss_comment: None,
            },
        )
        .await
        .unwrap();
    let done = s
        .create_task(olena, &task("Старий дзвінок", olena, None, None, &ctx))
        .await
        .unwrap();
    let done = s
        .complete_task(olena, done.meta.id, done.meta.version, "Клієнт погодився на зустріч")
        .await
        .unwrap();
    let (petros, _, petros_deal) = client(&ctx, petro, "Петро і Ко", 3).await;
    let before_petro = (
        ctx.export().await["companies"].clone(),
        ctx.export().await["deals"].clone(),
    );

    let scope = HandoverScope::Manager { user_id: olena };
    let plan = s.handover_preview(head, &scope).await.unwrap();
    let companies: HashSet<Id> = plan.companies.iter().map(|c| c.id).collect();
    assert!(companies.contains(&company.meta.id) && !companies.contains(&petros.meta.id));
    assert_eq!(plan.companies.len(), 2, "both of her companies, the won deal's too");
    assert_eq!(plan.contacts.len(), 2);
    assert_eq!(
        plan.deals.iter().map(|d| d.id).collect::<Vec<_>>(),
        [deal.meta.id],
        "open deals only: the lost one stays hers in the history"
    );
    let tasks: HashSet<Id> = plan.tasks.iter().map(|t| t.id).collect();
    assert!(
        tasks.contains(&extra.meta.id) && tasks.contains(&loose.meta.id),
        "her open tasks"
    );
    assert!(!tasks.contains(&done.meta.id), "a done task stays");
    assert!(
        plan.tasks.iter().all(|t| t.holder_id == olena),
        "no one else's task: {:?}",
        plan.tasks
    );

    let audit_before = ctx.count("audit_log").await;
    let outcome = s.handover(head, &scope, &[maria], true).await.unwrap();
    let moved: HashSet<(HandoverEntity, Id)> = outcome.moves.iter().map(|m| (m.entity, m.id)).collect();
    assert_eq!(moved, ids(&plan), "the move takes exactly what the preview showed");
    assert!(outcome.moves.iter().all(|m| m.from_id == olena && m.to_id == maria));
    assert_eq!(outcome.shares[0].companies, 2);
    assert_eq!(outcome.deactivated, Some(olena));
    assert_eq!(
        ctx.count("audit_log").await - audit_before,
        moved.len() as i64 + 1,
        "one entry per record moved and one for the deactivation"
    );
    let history = s.audit_history(deal.meta.id, Page::first(1)).await.unwrap().items;
    assert_eq!(
        history[0].actor_id,
        Some(head),
        "the head's move, in the deal's history"
    );

    let company: Company = s.get(company.meta.id).await.unwrap();
    let contact: Contact = s.get(contact.meta.id).await.unwrap();
    let deal: Deal = s.get(deal.meta.id).await.unwrap();
    let extra: Task = s.get(extra.meta.id).await.unwrap();
    assert_eq!(
        [
            company.data.owner_id,
            contact.data.owner_id,
            deal.data.owner_id,
            extra.data.assignee_id
        ],
        [maria; 4]
    );
    let lost: Deal = s.get(lost.meta.id).await.unwrap();
    let done: Task = s.get(done.meta.id).await.unwrap();
    assert_eq!(
        (lost.data.owner_id, done.data.assignee_id),
        (olena, olena),
        "closed work stays"
    );
    let olena_now: User = s.get(olena).await.unwrap();
    assert!(!olena_now.data.active, "deactivated with the handover");
    let after_petro = (
        ctx.export().await["companies"].clone(),
        ctx.export().await["deals"].clone(),
    );
    let petros_rows = |v: &(serde_json::Value, serde_json::Value)| {
        let pick = |rows: &serde_json::Value, id: Id| {
            rows.as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == id.to_string())
                .cloned()
        };
        (pick(&v.0, petros.meta.id), pick(&v.1, petros_deal.meta.id))
    };
    assert_eq!(
        petros_rows(&after_petro),
        petros_rows(&before_petro),
        "another manager's records untouched"
    );
    let again = s.handover_preview(head, &scope).await.unwrap();
    assert!(again.is_empty(), "nothing open is left with her: {again:?}");
}

pub async fn several_receivers_share_a_handover_evenly(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let maria = maria(&ctx).await;
    let mut deals = Vec::new();
    for n in 0..5 {
        deals.push(client(&ctx, olena, &format!("Клієнт {n}"), n).await.2);
    }
    let scope = HandoverScope::Manager { user_id: olena };
    let outcome = s.handover(head, &scope, &[petro, maria], false).await.unwrap();
    let shares: Vec<(i64, i64, i64, i64)> = outcome
        .shares
        .iter()
        .map(|r| (r.companies, r.contacts, r.deals, r.tasks))
        .collect();
    assert_eq!(shares, [(3, 3, 3, 3), (2, 2, 2, 2)], "in turn, each client whole");
    for d in &deals {
        let deal: Deal = s.get(d.meta.id).await.unwrap();
        let company: Company = s.get(d.data.company_id.unwrap()).await.unwrap();
        assert_eq!(
            deal.data.owner_id, company.data.owner_id,
            "a deal goes with its company"
        );
        let tasks = s
            .list_tasks(
                &voronka_store::TaskFilter {
                    deal_id: Some(d.meta.id),
                    ..Default::default()
                },
                Page::first(10),
            )
            .await
            .unwrap()
            .items;
        assert!(
            tasks.iter().all(|t| t.data.assignee_id == deal.data.owner_id),
            "and its tasks"
        );
    }
    let olena_now: User = s.get(olena).await.unwrap();
    assert!(olena_now.data.active, "not deactivated unless asked");
}

pub async fn chosen_companies_are_handed_over_with_their_records_only(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let (idle, idle_contact, idle_deal) = client(&ctx, olena, "Сонний клієнт", 1).await;
    let (busy, _, busy_deal) = client(&ctx, olena, "Живий клієнт", 2).await;
    let about_idle = s
        .create_task(olena, &task("Нагадати про себе", olena, None, Some(idle.meta.id), &ctx))
        .await
        .unwrap();
    let scope = HandoverScope::Companies {
        company_ids: vec![idle.meta.id],
    };
    let plan = s.handover_preview(head, &scope).await.unwrap();
    assert_eq!(
        (
            plan.companies.len(),
            plan.contacts.len(),
            plan.deals.len(),
            plan.tasks.len()
        ),
        (1, 1, 1, 2),
        "the company, its contact, its deal, the deal's lead task and the task about it"
    );
    let outcome = s.handover(head, &scope, &[petro], false).await.unwrap();
    let moved: HashSet<(HandoverEntity, Id)> = outcome.moves.iter().map(|m| (m.entity, m.id)).collect();
    assert_eq!(moved, ids(&plan));
    for (id, owner) in [(idle.meta.id, petro), (busy.meta.id, olena)] {
        assert_eq!(s.get::<Company>(id).await.unwrap().data.owner_id, owner);
    }
    assert_eq!(
        s.get::<Contact>(idle_contact.meta.id).await.unwrap().data.owner_id,
        petro
    );
    assert_eq!(s.get::<Deal>(idle_deal.meta.id).await.unwrap().data.owner_id, petro);
    assert_eq!(s.get::<Deal>(busy_deal.meta.id).await.unwrap().data.owner_id, olena);
    assert_eq!(s.get::<Task>(about_idle.meta.id).await.unwrap().data.assignee_id, petro);

    let err = s.handover(head, &scope, &[olena], true).await.unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("deactivate"),
        "a selection deactivates nobody"
    );
}

pub async fn only_the_head_or_the_admin_hands_over_and_bad_receivers_are_refused(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    client(&ctx, petro, "Петро і Ко", 1).await;
    let scope = HandoverScope::Manager { user_id: petro };
    let audit_before = ctx.count("audit_log").await;
    for err in [
        s.handover_preview(olena, &scope).await.map(|_| ()).unwrap_err(),
        s.handover(olena, &scope, &[olena], false)
            .await
            .map(|_| ())
            .unwrap_err(),
    ] {
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::Forbidden, Some("regulations"))
        );
    }
    for (receivers, why) in [(vec![], "nobody"), (vec![olena, petro], "the leaver himself")] {
        let err = s.handover(head, &scope, &receivers, false).await.unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::Invalid, Some("receivers")),
            "{why}"
        );
    }
    let unknown = HandoverScope::Manager {
        user_id: ctx.pipeline.meta.id,
    };
    let err = s.handover(head, &unknown, &[olena], false).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("user_id"));
    let olena_user: User = s.get(olena).await.unwrap();
    let mut off = UserInput::of(&olena_user.data);
    off.active = Some(false);
    s.update_user(head, olena, olena_user.meta.version, &off).await.unwrap();
    let err = s.handover(head, &scope, &[olena], false).await.unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("receivers"),
        "an inactive receiver: {}",
        err.message
    );
    assert_eq!(
        ctx.count("audit_log").await - audit_before,
        1,
        "only the deactivation was written"
    );
    let outcome = s.handover(ctx.admin.meta.id, &scope, &[head], false).await.unwrap();
    assert!(!outcome.moves.is_empty(), "the admin may hand over too");
}

pub async fn the_receiver_is_told_of_each_task_handed_to_her(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let settings = NotificationSettings {
        check_in_times: vec![],
        ..Default::default()
    };
    s.save_notification_settings(head, petro, 0, &settings).await.unwrap();
    s.notifications_due(petro).await.unwrap();
    let (_, _, deal) = client(&ctx, olena, "Вікна Захід", 1).await;
    let call = s
        .create_task(olena, &task("Передзвонити", olena, Some(deal.meta.id), None, &ctx))
        .await
        .unwrap();
    ctx.clock.advance(Duration::minutes(1));
    s.handover(head, &HandoverScope::Manager { user_id: olena }, &[petro], false)
        .await
        .unwrap();
    ctx.clock.advance(Duration::minutes(1));
    let shown = s.notifications_due(petro).await.unwrap();
    let about = |id: Id| {
        shown
            .iter()
            .filter(|n| n.task.as_ref().map(|t| t.task_id) == Some(id))
            .map(|n| n.kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(about(call.meta.id), [NotificationKind::TaskAssigned]);
    let given = shown.iter().find(|n| n.kind == NotificationKind::TaskAssigned).unwrap();
    assert_eq!(
        given.given_by.as_deref(),
        Some("Оксана Керівна"),
        "handed over by the head, not by Olena"
    );
    let lead = shown.iter().find(|n| n.kind == NotificationKind::NewLead);
    assert!(
        lead.is_some(),
        "the new lead's contact task comes as a new lead: {shown:?}"
    );
}
