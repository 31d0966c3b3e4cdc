use crate::harness::Ctx;
use chrono::Duration;
use voronka_core::ErrorCode;
use voronka_core::model::*;
use voronka_store::{MoveDeal, Page, TaskFilter, TimelineOf};

fn to(stage: &Stage) -> MoveDeal {
    MoveDeal {
        stage_id: Some(stage.meta.id),
        ..Default::default()
    }
}

pub async fn new_lead_gets_a_contact_task_and_a_stage_spell(ctx: Ctx) {
    let s = &ctx.store;
    let deal = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Новий лід з сайту"), None)
        .await
        .unwrap();
    assert_eq!(
        deal.stage_id,
        ctx.stage("Новий лід").meta.id,
        "a deal starts in its pipeline's first stage"
    );
    assert_eq!(deal.status, DealStatus::Open);
    let tasks = s
        .list_tasks(
            &TaskFilter {
                deal_id: Some(deal.meta.id),
                ..Default::default()
            },
            Page::default(),
        )
        .await
        .unwrap()
        .items;
    assert_eq!(tasks.len(), 1, "rule 1: a new lead gets one task");
    assert_eq!(tasks[0].data.kind, TaskKind::ContactLead);
    assert_eq!(tasks[0].data.assignee_id, ctx.olena_id(), "for its owner");
    assert_eq!(
        tasks[0].data.due_at,
        ctx.clock_now() + Duration::minutes(15),
        "due in 15 minutes"
    );
    let spells = s.stage_history(deal.meta.id).await.unwrap();
    assert_eq!(spells.len(), 1);
    assert_eq!((spells[0].stage_id, spells[0].left_at), (deal.stage_id, None));

    // A deal created further down the funnel is not a new lead.
    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван Петренко", "0509876543").await;
    let input = ctx.deal_with("Повторне замовлення", &company, &contact);
    let later = s
        .create_deal(ctx.olena_id(), &input, Some(ctx.stage("Кваліфікація").meta.id))
        .await
        .unwrap();
    let tasks = s
        .list_tasks(
            &TaskFilter {
                deal_id: Some(later.meta.id),
                ..Default::default()
            },
            Page::default(),
        )
        .await
        .unwrap()
        .items;
    assert!(tasks.is_empty(), "only new leads get the contact task");
}

pub async fn stage_requires_its_fields_before_entry(ctx: Ctx) {
    let s = &ctx.store;
    let deal = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Покрівля"), None)
        .await
        .unwrap();
    let spells = ctx.count("stage_spells").await;
    let err = s
        .move_deal(
            ctx.olena_id(),
            deal.meta.id,
            deal.meta.version,
            &to(ctx.stage("КП надіслано")),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::StageRequirements,
        "rule 4: КП needs a company, a contact and an amount"
    );
    assert_eq!(
        err.field.as_deref(),
        Some("company_id"),
        "the first missing field is named"
    );
    assert!(
        err.message.contains("amount") && err.message.contains("contact_ids"),
        "all missing fields are listed: {}",
        err.message
    );
    assert_eq!(
        s.get::<Deal>(deal.meta.id).await.unwrap(),
        deal,
        "the refused move changed nothing"
    );
    assert_eq!(ctx.count("stage_spells").await, spells, "and opened no spell");
    // A new deal cannot skip the requirements either.
    let err = s
        .create_deal(
            ctx.olena_id(),
            &ctx.deal_input("Одразу КП"),
            Some(ctx.stage("КП надіслано").meta.id),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::StageRequirements);

    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван Петренко", "0509876543").await;
    let mut input = ctx.deal_with("Покрівля", &company, &contact);
    input.amount = Some("120 000".into());
    let filled = s
        .update_deal(ctx.olena_id(), deal.meta.id, deal.meta.version, &input)
        .await
        .unwrap();
    let moved = s
        .move_deal(
            ctx.olena_id(),
            deal.meta.id,
            filled.meta.version,
            &to(ctx.stage("КП надіслано")),
        )
        .await
        .unwrap();
    assert_eq!(moved.stage_id, ctx.stage("КП надіслано").meta.id);
    // Once in the stage, its required fields cannot be emptied.
    input.amount = None;
    let err = s
        .update_deal(ctx.olena_id(), deal.meta.id, moved.meta.version, &input)
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::StageRequirements, Some("amount"))
    );
    // Items are a requirement the store counts.
    let err = s
        .move_deal(
            ctx.olena_id(),
            deal.meta.id,
            moved.meta.version,
            &to(ctx.stage("Успішно")),
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::StageRequirements, Some("items"))
    );
    s.add_deal_item(
        ctx.olena_id(),
        &DealItemInput {
            deal_id: deal.meta.id,
            product_id: None,
            name: Some("Металочерепиця".into()),
            quantity: 120.0,
            unit_price: Some(100_000),
            currency: None,
            discount_bp: None,
        },
    )
    .await
    .unwrap();
    let won = s
        .move_deal(
            ctx.olena_id(),
            deal.meta.id,
            moved.meta.version,
            &to(ctx.stage("Успішно")),
        )
        .await
        .unwrap();
    assert_eq!(won.status, DealStatus::Won);
    assert_eq!(won.closed_at, Some(ctx.clock_now()));
}

pub async fn stage_history_is_kept_on_every_move(ctx: Ctx) {
    let s = &ctx.store;
    let mut deal = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Вікна"), None)
        .await
        .unwrap();
    let company = ctx.company("Вікна", "0671234567").await;
    let contact = ctx.contact(&company, "Марія", "0509876543").await;
    let mut input = ctx.deal_with("Вікна", &company, &contact);
    input.amount = Some("5000".into());
    deal = s
        .update_deal(ctx.olena_id(), deal.meta.id, deal.meta.version, &input)
        .await
        .unwrap();
    let path = ["Кваліфікація", "КП надіслано", "Зустріч", "КП надіслано"];
    for (i, name) in path.iter().enumerate() {
        ctx.clock.advance(Duration::hours(i as i64 + 1));
        deal = s
            .move_deal(ctx.head.meta.id, deal.meta.id, deal.meta.version, &to(ctx.stage(name)))
            .await
            .unwrap();
        assert_eq!(deal.stage_entered_at, ctx.clock_now());
    }
    let spells = s.stage_history(deal.meta.id).await.unwrap();
    let names: Vec<&str> = spells
        .iter()
        .map(|sp| {
            ctx.stages
                .iter()
                .find(|st| st.meta.id == sp.stage_id)
                .unwrap()
                .data
                .name
                .as_str()
        })
        .collect();
    assert_eq!(
        names,
        ["Новий лід", "Кваліфікація", "КП надіслано", "Зустріч", "КП надіслано"],
        "every move adds a spell, returns included"
    );
    for pair in spells.windows(2) {
        assert_eq!(
            pair[0].left_at,
            Some(pair[1].entered_at),
            "a spell ends when the next begins"
        );
    }
    assert_eq!(spells.last().unwrap().left_at, None, "only the current spell is open");
    assert_eq!(
        spells[1].by_user_id,
        Some(ctx.head.meta.id),
        "the spell says who moved the deal"
    );
    let timeline = s
        .timeline(TimelineOf::Deal(deal.meta.id), Page::first(50))
        .await
        .unwrap()
        .items;
    assert_eq!(
        timeline
            .iter()
            .filter(|a| a.data.kind == ActivityKind::StageChange)
            .count(),
        4,
        "stage changes are on the timeline"
    );
}

pub async fn losing_needs_a_reason_and_gives_the_head_a_review(ctx: Ctx) {
    let s = &ctx.store;
    let deal = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Паркан"), None)
        .await
        .unwrap();
    let lost = ctx.stage("Програно");
    let tasks_before = ctx.count("tasks").await;
    let err = s
        .move_deal(ctx.olena_id(), deal.meta.id, deal.meta.version, &to(lost))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::LossReasonRequired, Some("loss_reason_id")),
        "rule 5"
    );
    assert_eq!(s.get::<Deal>(deal.meta.id).await.unwrap().status, DealStatus::Open);
    assert_eq!(ctx.count("tasks").await, tasks_before);
    let reason = &ctx.reasons[0];
    let done = s
        .move_deal(
            ctx.olena_id(),
            deal.meta.id,
            deal.meta.version,
            &MoveDeal {
                stage_id: Some(lost.meta.id),
                loss_reason_id: Some(reason.meta.id),
                loss_comment: Some("Дорого".into()),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (done.status, done.loss_reason_id),
        (DealStatus::Lost, Some(reason.meta.id))
    );
    assert_eq!(done.data.loss_comment.as_deref(), Some("Дорого"));
    let reviews = s
        .list_tasks(
            &TaskFilter {
                assignee_id: Some(ctx.head.meta.id),
                open: true,
                ..Default::default()
            },
            Page::default(),
        )
        .await
        .unwrap()
        .items;
    assert_eq!(reviews.len(), 1, "the head gets one review task");
    assert_eq!(
        (reviews[0].data.kind, reviews[0].data.deal_id),
        (TaskKind::ReviewLost, Some(deal.meta.id))
    );
    // The head may reopen the deal; the reason is cleared with it.
    let reopened = s
        .move_deal(
            ctx.head.meta.id,
            deal.meta.id,
            done.meta.version,
            &to(ctx.stage("Новий лід")),
        )
        .await
        .unwrap();
    assert_eq!(
        (reopened.status, reopened.loss_reason_id, reopened.closed_at),
        (DealStatus::Open, None, None)
    );
}

pub async fn items_payments_and_documents_belong_to_a_deal(ctx: Ctx) {
    let s = &ctx.store;
    let deal = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Склад"), None)
        .await
        .unwrap();
    let product = s
        .create_product(
            ctx.admin.meta.id,
            &ProductInput {
                name: "Профнастил ПС-20".into(),
                sku: Some("PS20".into()),
                unit: Some("м²".into()),
                price: 32_000,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let item = s
        .add_deal_item(
            ctx.olena_id(),
            &DealItemInput {
                deal_id: deal.meta.id,
                product_id: Some(product.meta.id),
                name: None,
                quantity: 10.0,
                unit_price: None,
                currency: None,
                discount_bp: Some(500),
            },
        )
        .await
        .unwrap()
        .item;
    assert_eq!(
        item.data.name.as_str(),
        "Профнастил ПС-20",
        "an item takes its product's name"
    );
    assert_eq!(
        (item.data.unit_price, item.data.total()),
        (32_000, 304_000),
        "and price, less the discount"
    );
    let err = s
        .add_deal_item(
            ctx.olena_id(),
            &DealItemInput {
                deal_id: deal.meta.id,
                product_id: None,
                name: Some("x".into()),
                quantity: 0.0,
                unit_price: None,
                currency: None,
                discount_bp: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("quantity"));

    let payment = s
        .create_payment(
            ctx.olena_id(),
            &PaymentInput {
                deal_id: deal.meta.id,
                amount: "3 040".into(),
                currency: None,
                planned_date: "2026-03-20".into(),
                invoice_number: Some("СФ-17".into()),
            },
        )
        .await
        .unwrap();
    assert_eq!((payment.data.amount, payment.status), (304_000, PaymentStatus::Planned));
    let err = s
        .create_payment(
            ctx.olena_id(),
            &PaymentInput {
                deal_id: deal.meta.id,
                amount: "0".into(),
                currency: None,
                planned_date: "2026-03-20".into(),
                invoice_number: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("amount"));
    let err = s
        .create_payment(
            ctx.olena_id(),
            &PaymentInput {
                deal_id: deal.meta.id,
                amount: "10".into(),
                currency: None,
                planned_date: "20.03.2026".into(),
                invoice_number: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("planned_date"));
    let paid = s
        .mark_payment_paid(ctx.olena_id(), payment.meta.id, payment.meta.version, None)
        .await
        .unwrap();
    assert_eq!(
        (paid.status, paid.paid_at),
        (PaymentStatus::Paid, Some(ctx.clock_now()))
    );
    let err = s
        .cancel_payment(ctx.olena_id(), paid.meta.id, paid.meta.version)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidState, "a paid payment cannot be cancelled");

    let doc = s
        .add_document(
            ctx.olena_id(),
            &DocumentInput {
                deal_id: deal.meta.id,
                name: None,
                path: "/home/olena/Договір №17.pdf".into(),
                size_bytes: Some(52_000),
            },
        )
        .await
        .unwrap();
    assert_eq!(doc.data.name.as_str(), "Договір №17.pdf");
    assert_eq!(s.deal_items(deal.meta.id).await.unwrap(), vec![item]);
    assert_eq!(s.deal_payments(deal.meta.id).await.unwrap(), vec![paid]);
    let documents = s
        .documents_of(ctx.olena_id(), DocumentOf::Deal(deal.meta.id))
        .await
        .unwrap();
    assert_eq!(
        documents
            .iter()
            .map(|d| (&d.document, d.kind.as_deref()))
            .collect::<Vec<_>>(),
        [(&doc, None)],
        "a file named by its path: no bytes kept"
    );
}
