//! The store's own checks of DOMAIN.md's rights matrix, the same on SQLite and PostgreSQL: each
//! role's refusals come back as `forbidden` naming what was refused, and write nothing. Each
//! refusal is paired with what the same user may do, so a check that refused everything fails
//! as surely as one that allowed everything. (What PostgreSQL itself refuses a login is in
//! `team`.)

use crate::harness::Ctx;
use chrono::Duration;
use voronka_core::model::*;
use voronka_core::{ErrorCode, Id, Result};
use voronka_store::MoveDeal;

/// `result` is a refusal naming `field`.
#[track_caller]
fn forbidden<T: std::fmt::Debug>(result: Result<T>, field: &str) {
    let err = result.expect_err("the matrix refuses this");
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some(field)),
        "{}",
        err.message
    );
}

fn task(title: &str, assignee: Id, deal: Option<Id>, at: chrono::DateTime<chrono::Utc>) -> TaskInput {
    TaskInput {
        kind: TaskKind::Call,
        title: title.into(),
        deal_id: deal,
        company_id: None,
        contact_id: None,
        assignee_id: Some(assignee),
        due_at: at + Duration::hours(2),
    }
}

fn call_on(deal: Option<Id>, company: Option<Id>) -> ActivityInput {
    ActivityInput {
        kind: ActivityKind::Call,
        deal_id: deal,
        company_id: company,
        contact_id: None,
        occurred_at: None,
        body: Some("Дзвінок".into()),
        details: ActivityDetails::default(),
    }
}

fn payment_of(deal: Id) -> PaymentInput {
    PaymentInput {
        deal_id: deal,
        amount: "1000".into(),
        currency: None,
        planned_date: "2026-03-20".into(),
        invoice_number: None,
    }
}

pub async fn a_manager_changes_only_her_own_records(ctx: Ctx) {
    let s = &ctx.store;
    let (olena, petro, now) = (ctx.olena_id(), ctx.petro.meta.id, ctx.clock_now());

    // Petro's company, contact, deal, task and call.
    let theirs = s
        .create_company(
            petro,
            &CompanyInput {
                name: "Петро і Ко".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let their_contact = s
        .create_contact(
            petro,
            &ContactInput {
                full_name: "Марко Петрів".into(),
                company_id: Some(theirs.meta.id),
                phones: vec!["+380501110002".into()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let their_deal = s.create_deal(petro, &ctx.deal_input("Петрова"), None).await.unwrap();
    let their_task = s
        .create_task(petro, &task("Петрів дзвінок", petro, Some(their_deal.meta.id), now))
        .await
        .unwrap();
    let their_call = s
        .log_activity(petro, &call_on(Some(their_deal.meta.id), None))
        .await
        .unwrap();

    // What Olena may do: her own company and deal, a task for herself, a call on Petro's
    // company (the client base is the team's), her own name and language.
    let mine = ctx.company("Олена ТОВ", "+380501110001").await;
    let mine = s
        .update_company(
            olena,
            mine.meta.id,
            mine.meta.version,
            &CompanyInput {
                name: "Олена ТОВ".into(),
                notes: Some("мій клієнт".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let my_deal = s.create_deal(olena, &ctx.deal_input("Моя"), None).await.unwrap();
    s.create_payment(olena, &payment_of(my_deal.meta.id)).await.unwrap();
    s.create_task(olena, &task("Мій дзвінок", olena, Some(my_deal.meta.id), now))
        .await
        .unwrap();
    s.log_activity(olena, &call_on(None, Some(theirs.meta.id)))
        .await
        .unwrap();
    s.set_my_preferences(olena, Language::En, "Europe/Kyiv").await.unwrap();
    let me = s.get::<User>(olena).await.unwrap();
    let renamed = UserInput {
        name: "Олена Коваль-Шевчук".into(),
        email: Some("olena@firm.ua".into()),
        role: Some(Role::Manager),
        language: Some(Language::En),
        ..Default::default()
    };
    s.update_user(olena, olena, me.meta.version, &renamed).await.unwrap();

    let before = ctx.export().await;

    // The client base: readable, but Petro's records are his to change.
    let edit = CompanyInput {
        name: "Петро і Ко".into(),
        notes: Some("переписала".into()),
        ..Default::default()
    };
    forbidden(
        s.update_company(olena, theirs.meta.id, theirs.meta.version, &edit)
            .await,
        "client_base",
    );
    forbidden(
        s.delete::<Company>(olena, theirs.meta.id, theirs.meta.version).await,
        "client_base",
    );
    forbidden(
        s.delete::<Contact>(olena, their_contact.meta.id, their_contact.meta.version)
            .await,
        "client_base",
    );
    // Nor may she hand her own company to Petro.
    let handed = CompanyInput {
        name: "Олена ТОВ".into(),
        owner_id: Some(petro),
        ..Default::default()
    };
    forbidden(
        s.update_company(olena, mine.meta.id, mine.meta.version, &handed).await,
        "client_base",
    );

    // Deals: only her own, and no deal made for somebody else.
    let for_petro = DealInput {
        owner_id: Some(petro),
        ..ctx.deal_input("Для Петра")
    };
    forbidden(s.create_deal(olena, &for_petro, None).await, "deal");
    forbidden(
        s.update_deal(
            olena,
            their_deal.meta.id,
            their_deal.meta.version,
            &ctx.deal_input("Моя тепер"),
        )
        .await,
        "deal",
    );
    let to_qualification = MoveDeal {
        stage_id: Some(ctx.stage("Кваліфікація").meta.id),
        ..Default::default()
    };
    forbidden(
        s.move_deal(olena, their_deal.meta.id, their_deal.meta.version, &to_qualification)
            .await,
        "deal",
    );
    forbidden(
        s.delete::<Deal>(olena, their_deal.meta.id, their_deal.meta.version)
            .await,
        "deal",
    );
    forbidden(s.create_payment(olena, &payment_of(their_deal.meta.id)).await, "deal");
    let item = DealItemInput {
        deal_id: their_deal.meta.id,
        product_id: None,
        name: Some("Металочерепиця".into()),
        quantity: 1.0,
        unit_price: Some(100_000),
        currency: None,
        discount_bp: None,
    };
    forbidden(s.add_deal_item(olena, &item).await, "deal");
    let document = DocumentInput {
        deal_id: their_deal.meta.id,
        name: None,
        path: "/tmp/Договір.pdf".into(),
        size_bytes: None,
    };
    forbidden(s.add_document(olena, &document).await, "deal");

    // Tasks: for herself only; Petro's are his.
    forbidden(
        s.create_task(olena, &task("Тобі", petro, None, now)).await,
        "assignee_id",
    );
    forbidden(
        s.complete_task(
            olena,
            their_task.meta.id,
            their_task.meta.version,
            "Передзвонила, домовились про зустріч у вівторок",
        )
        .await,
        "task",
    );
    // Calls: on what she may read, and Petro's deal is not hers; his call is his.
    forbidden(
        s.log_activity(olena, &call_on(Some(their_deal.meta.id), None)).await,
        "activity",
    );
    forbidden(
        s.delete::<Activity>(olena, their_call.meta.id, their_call.meta.version)
            .await,
        "activity",
    );

    // Plans, set-up and users are not a manager's.
    let plan = PlanInput {
        user_id: Some(olena),
        month: "2026-03".into(),
        revenue_target: 1,
        calls_target: None,
        meetings_target: None,
        currency: None,
    };
    forbidden(s.create_plan(olena, &plan).await, "plan");
    let pipeline = PipelineInput {
        name: "Моя воронка".into(),
        position: Some(5),
        is_default: Some(false),
    };
    forbidden(s.create_pipeline(olena, &pipeline).await, "setup");
    let reason = &ctx.reasons[0];
    let retire = LossReasonInput {
        name: reason.data.name.to_string(),
        position: Some(reason.data.position),
        active: Some(false),
    };
    forbidden(
        s.update_loss_reason(olena, reason.meta.id, reason.meta.version, &retire)
            .await,
        "setup",
    );
    let newcomer = UserInput {
        name: "Новенька".into(),
        ..Default::default()
    };
    forbidden(s.create_user(Some(olena), &newcomer).await, "user");
    let me = s.get::<User>(olena).await.unwrap();
    let promoted = UserInput {
        name: me.data.name.to_string(),
        role: Some(Role::Head),
        ..Default::default()
    };
    forbidden(s.update_user(olena, olena, me.meta.version, &promoted).await, "user");
    let petro_user = s.get::<User>(petro).await.unwrap();
    let renamed = UserInput {
        name: "Петро Перейменований".into(),
        ..Default::default()
    };
    forbidden(
        s.update_user(olena, petro, petro_user.meta.version, &renamed).await,
        "user",
    );

    assert_eq!(ctx.export().await, before, "no refusal wrote anything");
}

pub async fn the_head_leads_the_team_and_leaves_the_set_up_to_the_admin(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, now) = (ctx.head.meta.id, ctx.olena_id(), ctx.clock_now());

    // What the head may do: anyone's deals and tasks, plans, managers.
    let deal = s.create_deal(olena, &ctx.deal_input("Олени"), None).await.unwrap();
    let deal = s
        .update_deal(
            head,
            deal.meta.id,
            deal.meta.version,
            &ctx.deal_input("Олени, уточнена"),
        )
        .await
        .unwrap();
    s.create_task(head, &task("Для Олени", olena, Some(deal.meta.id), now))
        .await
        .unwrap();
    let plan = PlanInput {
        user_id: Some(olena),
        month: "2026-03".into(),
        revenue_target: 1_000_000,
        calls_target: None,
        meetings_target: None,
        currency: None,
    };
    s.create_plan(head, &plan).await.unwrap();
    let manager = UserInput {
        name: "Нова Менеджерка".into(),
        role: Some(Role::Manager),
        ..Default::default()
    };
    let newcomer = s.create_user(Some(head), &manager).await.unwrap();
    let away = UserInput {
        active: Some(false),
        ..manager.clone()
    };
    s.update_user(head, newcomer.meta.id, newcomer.meta.version, &away)
        .await
        .unwrap();

    let before = ctx.export().await;

    // Pipelines, stages, dictionaries and the catalog are the admin's.
    let pipeline = PipelineInput {
        name: "Сервіс".into(),
        position: Some(2),
        is_default: Some(false),
    };
    forbidden(s.create_pipeline(head, &pipeline).await, "setup");
    let stage = ctx.stage("Кваліфікація");
    let renamed = StageInput {
        pipeline_id: stage.data.pipeline_id,
        name: "Перевірка".into(),
        position: stage.data.position,
        kind: stage.data.kind,
        win_probability: Some(stage.data.win_probability),
        required_fields: stage.data.required_fields.clone(),
    };
    forbidden(
        s.update_stage(head, stage.meta.id, stage.meta.version, &renamed).await,
        "setup",
    );
    let reason = LossReasonInput {
        name: "Дорого".into(),
        position: Some(20),
        active: Some(true),
    };
    forbidden(s.create_loss_reason(head, &reason).await, "setup");
    let product = ProductInput {
        name: "Профнастил".into(),
        sku: None,
        unit: None,
        price: 100,
        currency: None,
        stock: None,
        lead_time_days: None,
    };
    forbidden(s.create_product(head, &product).await, "setup");
    forbidden(
        s.delete::<Stage>(head, stage.meta.id, stage.meta.version).await,
        "setup",
    );

    // Among users the head manages managers only: no new head or admin, no promotion, and
    // the admin's and their own standing are not theirs to change.
    let another_head = UserInput {
        name: "Друга Керівна".into(),
        role: Some(Role::Head),
        ..Default::default()
    };
    forbidden(s.create_user(Some(head), &another_head).await, "user");
    let olena_user = s.get::<User>(olena).await.unwrap();
    let promoted = UserInput {
        name: olena_user.data.name.to_string(),
        role: Some(Role::Head),
        ..Default::default()
    };
    forbidden(
        s.update_user(head, olena, olena_user.meta.version, &promoted).await,
        "user",
    );
    let admin = &ctx.admin;
    let demoted = UserInput {
        name: admin.data.name.to_string(),
        role: Some(Role::Manager),
        ..Default::default()
    };
    forbidden(
        s.update_user(head, admin.meta.id, admin.meta.version, &demoted).await,
        "user",
    );
    let me = s.get::<User>(head).await.unwrap();
    let self_admin = UserInput {
        name: me.data.name.to_string(),
        role: Some(Role::Admin),
        ..Default::default()
    };
    forbidden(s.update_user(head, head, me.meta.version, &self_admin).await, "user");
    forbidden(s.delete::<User>(head, olena, olena_user.meta.version).await, "user");

    assert_eq!(ctx.export().await, before, "no refusal wrote anything");

    // The admin may do all of it.
    s.create_pipeline(admin.meta.id, &pipeline).await.unwrap();
    s.create_user(Some(admin.meta.id), &another_head).await.unwrap();
}
