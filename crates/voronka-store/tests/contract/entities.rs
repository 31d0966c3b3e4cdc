use crate::harness::Ctx;
use chrono::Duration;
use std::fmt::Debug;
use voronka_core::model::*;
use voronka_core::{ErrorCode, Id};
use voronka_store::{Store, Table};

/// Reads, soft-deletes and restores any record, checking versions and audit on the way.
async fn delete_and_restore<R: Table + PartialEq + Debug>(s: &Store, actor: Id, record: &R) {
    let id = record.meta().id;
    assert_eq!(
        &s.get::<R>(id).await.unwrap(),
        record,
        "{} reads back as written",
        R::ENTITY
    );
    let deleted: R = s.delete(actor, id, record.meta().version).await.unwrap();
    assert_eq!(
        s.get::<R>(id).await.unwrap_err().code,
        ErrorCode::NotFound,
        "a deleted {} is hidden",
        R::ENTITY
    );
    let err = s.delete::<R>(actor, id, deleted.meta().version).await.unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::InvalidState,
        "a {} cannot be deleted twice",
        R::ENTITY
    );
    let restored: R = s.restore(actor, id, deleted.meta().version).await.unwrap();
    assert_eq!(restored.meta().version, record.meta().version + 2);
    assert!(restored.meta().deleted_at.is_none());
    let audit = s.audit_history(id, voronka_store::Page::first(10)).await.unwrap().items;
    assert_eq!(
        audit.first().map(|a| a.action),
        Some(AuditAction::Restore),
        "{} restore is audited",
        R::ENTITY
    );
    assert!(
        audit.iter().any(|a| a.action == AuditAction::Create),
        "{} creation is audited",
        R::ENTITY
    );
}

pub async fn every_entity_is_created_read_updated_deleted_restored(ctx: Ctx) {
    let s = &ctx.store;
    let (admin, head, olena) = (ctx.admin.meta.id, ctx.head.meta.id, ctx.olena_id());

    let user = s
        .create_user(
            Some(admin),
            &UserInput {
                name: "Ірина Бойко".into(),
                email: Some("iryna@voronka.ua".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let err = s
        .create_user(
            Some(admin),
            &UserInput {
                name: "X".into(),
                time_zone: Some("Mars/Olympus".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("time_zone"));
    let err = s
        .create_user(
            None,
            &UserInput {
                name: "Самозванець".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::InvalidState,
        "only the first user may appear without an actor"
    );
    let user = s
        .update_user(
            admin,
            user.meta.id,
            1,
            &UserInput {
                name: "Ірина Бойко".into(),
                role: Some(Role::Head),
                language: Some(Language::En),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (user.data.role, user.data.language, user.meta.version),
        (Role::Head, Language::En, 2)
    );
    delete_and_restore(s, admin, &user).await;

    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван Петренко", "+38 050 987 65 43").await;
    let input = ContactInput {
        full_name: "Іван Петренко".into(),
        company_id: Some(company.meta.id),
        phones: vec!["0509876543".into(), "0661112233".into()],
        emails: vec!["Ivan@Dah.ua".into()],
        messengers: vec![Messenger {
            kind: "Telegram".into(),
            handle: "@ivan".into(),
        }],
        birthday: Some("1985-04-12".into()),
        notes: Some("їздить на Volvo, дзвонити після 10".into()),
        ..Default::default()
    };
    let contact = s.update_contact(olena, contact.meta.id, 1, &input).await.unwrap();
    assert_eq!(contact.data.emails[0].as_str(), "ivan@dah.ua");
    assert_eq!(contact.data.messengers[0].kind, "telegram");
    let err = s
        .update_contact(
            olena,
            contact.meta.id,
            contact.meta.version,
            &ContactInput {
                phones: vec!["0509876543".into(), "bad".into()],
                ..input.clone()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("phones[1]"),
        "the failing list entry is named"
    );
    delete_and_restore(s, olena, &contact).await;
    delete_and_restore(s, olena, &company).await;

    let pipeline = s
        .create_pipeline(
            admin,
            &PipelineInput {
                name: "Дилери".into(),
                position: Some(1),
                is_default: None,
            },
        )
        .await
        .unwrap();
    let pipeline = s
        .update_pipeline(
            admin,
            pipeline.meta.id,
            1,
            &PipelineInput {
                name: "Дилерська мережа".into(),
                position: Some(1),
                is_default: None,
            },
        )
        .await
        .unwrap();
    delete_and_restore(s, admin, &pipeline).await;
    let stage_input = StageInput {
        pipeline_id: pipeline.meta.id,
        name: "Перший контакт".into(),
        position: 0,
        kind: StageKind::Open,
        win_probability: Some(15),
        required_fields: vec![DealField::LeadSource],
    };
    let stage = s.create_stage(admin, &stage_input).await.unwrap();
    let err = s
        .create_stage(
            admin,
            &StageInput {
                kind: StageKind::Won,
                win_probability: Some(50),
                ..stage_input.clone()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("win_probability"), "a won stage is 100 %");
    let stage = s
        .update_stage(
            admin,
            stage.meta.id,
            1,
            &StageInput {
                win_probability: Some(20),
                ..stage_input
            },
        )
        .await
        .unwrap();
    assert_eq!(stage.data.required_fields, vec![DealField::LeadSource]);
    delete_and_restore(s, admin, &stage).await;

    let reason = s
        .create_loss_reason(
            admin,
            &LossReasonInput {
                name: "Пропав зв'язок".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let reason = s
        .update_loss_reason(
            admin,
            reason.meta.id,
            1,
            &LossReasonInput {
                name: "Пропав зв'язок".into(),
                active: Some(false),
                position: Some(9),
            },
        )
        .await
        .unwrap();
    assert!(!reason.data.active);
    delete_and_restore(s, admin, &reason).await;

    let product = s
        .create_product(
            admin,
            &ProductInput {
                name: "Водостік".into(),
                price: 45_000,
                stock: Some(12.5),
                lead_time_days: Some(3),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let product = s
        .update_product(
            admin,
            product.meta.id,
            1,
            &ProductInput {
                name: "Водостік ПВХ".into(),
                price: 47_000,
                stock: Some(10.0),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((product.data.unit.as_str(), product.data.stock), ("шт", 10.0));
    delete_and_restore(s, admin, &product).await;

    let deal = s.create_deal(olena, &ctx.deal_input("Водостік"), None).await.unwrap();
    let item = s
        .add_deal_item(
            olena,
            &DealItemInput {
                deal_id: deal.meta.id,
                product_id: Some(product.meta.id),
                name: None,
                quantity: 2.0,
                unit_price: None,
                currency: None,
                discount_bp: None,
            },
        )
        .await
        .unwrap()
        .item;
    let item = s
        .update_deal_item(
            olena,
            item.meta.id,
            1,
            &DealItemInput {
                deal_id: deal.meta.id,
                product_id: Some(product.meta.id),
                name: None,
                quantity: 3.0,
                unit_price: Some(40_000),
                currency: None,
                discount_bp: Some(10_000),
            },
        )
        .await
        .unwrap()
        .item;
    assert_eq!(item.data.total(), 0, "a 100 % discount makes the line free");
    delete_and_restore(s, olena, &item).await;
    let payment = s
        .create_payment(
            olena,
            &PaymentInput {
                deal_id: deal.meta.id,
                amount: "940".into(),
                currency: None,
                planned_date: "2026-03-25".into(),
                invoice_number: None,
            },
        )
        .await
        .unwrap();
    let payment = s
        .update_payment(
            olena,
            payment.meta.id,
            1,
            &PaymentInput {
                deal_id: deal.meta.id,
                amount: "1 000,50".into(),
                currency: Some("usd".into()),
                planned_date: "2026-03-26".into(),
                invoice_number: None,
            },
        )
        .await
        .unwrap();
    assert_eq!((payment.data.amount, payment.data.currency.as_str()), (100_050, "USD"));
    delete_and_restore(s, olena, &payment).await;
    let doc = s
        .add_document(
            olena,
            &DocumentInput {
                deal_id: deal.meta.id,
                name: Some("КП".into()),
                path: "C:\\Docs\\kp.pdf".into(),
                size_bytes: None,
            },
        )
        .await
        .unwrap();
    delete_and_restore(s, olena, &doc).await;
    let mut deal_input = ctx.deal_input("Водостік для складу");
    deal_input.lead_source = Some(" referral ".into());
    deal_input.qualification = vec![Criterion {
        name: "Бюджет підтверджено".into(),
        met: true,
    }];
    let deal = s
        .update_deal(olena, deal.meta.id, deal.meta.version, &deal_input)
        .await
        .unwrap();
    assert_eq!(deal.data.lead_source.as_deref(), Some("referral"));
    delete_and_restore(s, olena, &deal).await;

    let task = s
        .create_task(
            olena,
            &TaskInput {
                kind: TaskKind::Meeting,
                title: "Зустріч на об'єкті".into(),
                deal_id: Some(deal.meta.id),
                company_id: None,
                contact_id: None,
                assignee_id: None,
                due_at: ctx.clock_now() + Duration::days(1),
            },
        )
        .await
        .unwrap();
    // The head gives it on: a manager gives tasks to herself only.
    let task = s
        .update_task(
            ctx.head.meta.id,
            task.meta.id,
            1,
            &TaskInput {
                kind: TaskKind::Meeting,
                title: "Зустріч на об'єкті".into(),
                deal_id: Some(deal.meta.id),
                company_id: None,
                contact_id: None,
                assignee_id: Some(ctx.petro.meta.id),
                due_at: ctx.clock_now() + Duration::days(2),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        task.data.assignee_id, ctx.petro.meta.id,
        "a task can be handed over by the head"
    );
    delete_and_restore(s, olena, &task).await;

    let activity = s
        .log_activity(
            olena,
            &ActivityInput {
                kind: ActivityKind::Meeting,
                deal_id: Some(deal.meta.id),
                company_id: None,
                contact_id: None,
                occurred_at: None,
                body: Some("Оглянули дах".into()),
                details: ActivityDetails::default(),
            },
        )
        .await
        .unwrap();
    assert_eq!(activity.data.occurred_at, ctx.clock_now());
    delete_and_restore(s, olena, &activity).await;

    let plan = s
        .create_plan(
            head,
            &PlanInput {
                user_id: Some(olena),
                month: "2026-03".into(),
                revenue_target: 50_000_000,
                calls_target: Some(400),
                meetings_target: Some(20),
                currency: None,
            },
        )
        .await
        .unwrap();
    let plan = s
        .update_plan(
            head,
            plan.meta.id,
            1,
            &PlanInput {
                user_id: Some(olena),
                month: "2026-03".into(),
                revenue_target: 60_000_000,
                calls_target: Some(400),
                meetings_target: Some(20),
                currency: None,
            },
        )
        .await
        .unwrap();
    delete_and_restore(s, head, &plan).await;
}

pub async fn plans_are_unique_per_person_and_month(ctx: Ctx) {
    let s = &ctx.store;
    let head = ctx.head.meta.id;
    let input = |user_id, month: &str| PlanInput {
        user_id,
        month: month.into(),
        revenue_target: 1_000_000,
        ..Default::default()
    };
    s.create_plan(head, &input(Some(ctx.olena_id()), "2026-03"))
        .await
        .unwrap();
    s.create_plan(head, &input(None, "2026-03")).await.unwrap();
    s.create_plan(head, &input(Some(ctx.olena_id()), "2026-04"))
        .await
        .unwrap();
    for dup in [input(Some(ctx.olena_id()), "2026-03"), input(None, "2026-03")] {
        let err = s.create_plan(head, &dup).await.unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::Duplicate, Some("month")),
            "one plan per person (or team) and month"
        );
    }
    let err = s.create_plan(head, &input(None, "2026-13")).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("month"));
    assert_eq!(s.plans_of_month("2026-03").await.unwrap().len(), 2);
}
