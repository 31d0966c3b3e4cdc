//! Commercial proposals: the template only the admin sets, a proposal made from a deal and kept
//! with it (listed, openable, on the timeline), and a stage that may require one.

use crate::harness::{Ctx, refused};
use voronka_core::ErrorCode;
use voronka_core::model::*;
use voronka_store::{MoveDeal, TimelineOf};

pub fn template() -> ProposalTemplateInput {
    ProposalTemplateInput {
        company_name: "ТОВ «Покрівля Захід»".into(),
        requisites: Some("ЄДРПОУ 12345678\nм. Львів, вул. Городоцька, 1".into()),
        terms: Some("Оплата 50 % передплати, решта після поставки.".into()),
        validity_days: Some(10),
        vat_rate_bp: Some(2_000),
        prices_include_vat: true,
        ..Default::default()
    }
}

pub async fn only_the_admin_sets_the_proposal_template(ctx: Ctx) {
    let s = &ctx.store;
    assert_eq!(s.proposal_template().await.unwrap(), None, "a new database has none");
    refused(
        s.save_proposal_template(ctx.olena_id(), None, &template()).await,
        ErrorCode::Forbidden,
        "setup",
    );
    refused(
        s.save_proposal_template(ctx.head.meta.id, None, &template()).await,
        ErrorCode::Forbidden,
        "setup",
    );
    refused(
        s.save_proposal_template(
            ctx.admin.meta.id,
            None,
            &ProposalTemplateInput {
                validity_days: Some(400),
                ..template()
            },
        )
        .await,
        ErrorCode::Invalid,
        "validity_days",
    );
    assert_eq!(ctx.count("proposal_templates").await, 0, "refusals write nothing");
    let first = s
        .save_proposal_template(ctx.admin.meta.id, None, &template())
        .await
        .unwrap();
    let changed = ProposalTemplateInput {
        validity_days: Some(30),
        ..template()
    };
    refused(
        s.save_proposal_template(ctx.admin.meta.id, None, &changed).await,
        ErrorCode::Conflict,
        "version",
    );
    let second = s
        .save_proposal_template(ctx.admin.meta.id, Some(first.meta.version), &changed)
        .await
        .unwrap();
    assert_eq!((second.meta.version, second.data.validity_days), (2, 30));
    refused(
        s.save_proposal_template(ctx.admin.meta.id, Some(first.meta.version), &template())
            .await,
        ErrorCode::Conflict,
        "version",
    );
    refused(
        s.save_proposal_template(ctx.head.meta.id, Some(second.meta.version), &template())
            .await,
        ErrorCode::Forbidden,
        "setup",
    );
    assert_eq!(
        s.proposal_template().await.unwrap(),
        Some(second.clone()),
        "read by all"
    );
    let history = s
        .audit_history(second.meta.id, voronka_store::Page::first(10))
        .await
        .unwrap();
    assert_eq!(history.items.len(), 2, "each change audited");
}

pub async fn a_proposal_is_kept_with_its_deal_and_a_stage_may_require_it(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    let company = ctx.company("ТОВ Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван Петренко", "0509876543").await;
    let mut input = ctx.deal_with("Покрівля складу", &company, &contact);
    input.amount = Some("1000".into());
    let deal = s.create_deal(olena, &input, None).await.unwrap();

    // A stage that requires a proposal is closed to a deal without one.
    let proposal_stage = ctx.stage("КП надіслано");
    let mut required = proposal_stage.data.required_fields.clone();
    required.push(DealField::Proposal);
    s.update_stage(
        ctx.admin.meta.id,
        proposal_stage.meta.id,
        proposal_stage.meta.version,
        &StageInput {
            pipeline_id: ctx.pipeline.meta.id,
            name: proposal_stage.data.name.to_string(),
            position: proposal_stage.data.position,
            kind: proposal_stage.data.kind,
            win_probability: Some(proposal_stage.data.win_probability),
            required_fields: required,
        },
    )
    .await
    .unwrap();
    let to = MoveDeal {
        stage_id: Some(proposal_stage.meta.id),
        ..Default::default()
    };
    refused(
        s.move_deal(olena, deal.meta.id, deal.meta.version, &to).await,
        ErrorCode::StageRequirements,
        "proposal",
    );

    // No template, then no items: each says what is missing, and nothing is kept.
    refused(
        s.make_proposal(olena, deal.meta.id).await,
        ErrorCode::InvalidState,
        "proposal_template",
    );
    s.save_proposal_template(ctx.admin.meta.id, None, &template())
        .await
        .unwrap();
    refused(
        s.make_proposal(olena, deal.meta.id).await,
        ErrorCode::InvalidState,
        "items",
    );
    let sheet = s
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
    s.add_deal_item(
        olena,
        &DealItemInput {
            deal_id: deal.meta.id,
            product_id: Some(sheet.meta.id),
            name: None,
            quantity: 10.0,
            unit_price: None,
            currency: None,
            discount_bp: Some(500),
        },
    )
    .await
    .unwrap();

    // Another manager may not make one on Olena's deal; nothing is written.
    let before = ctx.export().await;
    refused(
        s.make_proposal(ctx.petro.meta.id, deal.meta.id).await,
        ErrorCode::Forbidden,
        "deal",
    );
    assert_eq!(ctx.export().await, before, "the refusal wrote nothing");

    let made = s.make_proposal(olena, deal.meta.id).await.unwrap();
    assert_eq!(made.number, "20260310-1", "the day and the deal's first proposal");
    assert_eq!(made.pdf.data.name.as_str(), "КП 20260310-1.pdf");
    let listed = s.documents_of(olena, DocumentOf::Deal(deal.meta.id)).await.unwrap();
    let kinds: Vec<(&str, Option<&str>)> = listed
        .iter()
        .map(|d| (d.document.data.name.as_str(), d.kind.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("КП 20260310-1.pdf", Some("proposal")),
            ("КП 20260310-1.xlsx", Some("proposal"))
        ]
    );
    let pdf = s.kept_file(olena, made.pdf.meta.id).await.unwrap();
    assert!(pdf.content.starts_with(b"%PDF-"), "a PDF");
    assert_eq!(
        (pdf.media_type.as_str(), Some(pdf.content.len() as i64)),
        ("application/pdf", made.pdf.data.size_bytes)
    );
    let xlsx = s.kept_file(olena, made.xlsx.meta.id).await.unwrap();
    assert!(xlsx.content.starts_with(b"PK"), "a workbook is a zip");
    let timeline = s
        .timeline(TimelineOf::Deal(deal.meta.id), voronka_store::Page::first(20))
        .await
        .unwrap()
        .items;
    assert!(
        timeline
            .iter()
            .any(|a| a.data.kind == ActivityKind::Document && a.data.body.as_deref() == Some("КП 20260310-1")),
        "logged on the deal's timeline"
    );

    // Now the deal may enter the stage; a second proposal gets the next number.
    let deal = s.get::<Deal>(deal.meta.id).await.unwrap();
    s.move_deal(olena, deal.meta.id, deal.meta.version, &to).await.unwrap();
    let again = s.make_proposal(olena, deal.meta.id).await.unwrap();
    assert_eq!(again.number, "20260310-2");
}
