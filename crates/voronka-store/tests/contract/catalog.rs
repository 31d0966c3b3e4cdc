//! The product catalog, a deal's items picked from it, the amount that may follow them, and a
//! deal's payments: edited, cancelled and paid on a chosen day.

use crate::harness::{Ctx, refused};
use voronka_core::model::*;
use voronka_core::{ErrorCode, Id};
use voronka_store::{Page, ProductFilter};

fn product(name: &str, sku: &str, price: i64, stock: f64, lead: i64) -> ProductInput {
    ProductInput {
        name: name.into(),
        sku: Some(sku.into()),
        unit: Some("м²".into()),
        price,
        stock: Some(stock),
        lead_time_days: Some(lead),
        ..Default::default()
    }
}

fn item(deal: Id, product: Option<Id>, quantity: f64, discount_bp: Option<i64>) -> DealItemInput {
    DealItemInput {
        deal_id: deal,
        product_id: product,
        name: None,
        quantity,
        unit_price: None,
        currency: None,
        discount_bp,
    }
}

async fn names(ctx: &Ctx, filter: ProductFilter) -> Vec<String> {
    ctx.store
        .list_products(&filter, Page::first(50))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|p| p.data.name.to_string())
        .collect()
}

pub async fn the_catalog_is_the_admins_and_archived_products_stay_on_old_items(ctx: Ctx) {
    let s = &ctx.store;
    let admin = ctx.admin.meta.id;
    let sheet = s
        .create_product(admin, &product("Профнастил ПС-20", "PS20", 32_000, 100.0, 7))
        .await
        .unwrap();
    let tile = s
        .create_product(admin, &product("Металочерепиця Монтерей", "MT-1", 41_000, 0.0, 14))
        .await
        .unwrap();
    s.create_product(admin, &product("Саморіз покрівельний", "SR-48", 150, 5_000.0, 3))
        .await
        .unwrap();

    // The head and the managers read the catalog; only the admin changes it.
    let products = ctx.count("products").await;
    refused(
        s.create_product(ctx.olena_id(), &product("Моє", "X", 1, 1.0, 1)).await,
        ErrorCode::Forbidden,
        "setup",
    );
    refused(
        s.update_product(
            ctx.head.meta.id,
            sheet.meta.id,
            sheet.meta.version,
            &product("Інше", "PS20", 1, 1.0, 1),
        )
        .await,
        ErrorCode::Forbidden,
        "setup",
    );
    refused(
        s.delete::<Product>(ctx.olena_id(), tile.meta.id, tile.meta.version)
            .await,
        ErrorCode::Forbidden,
        "setup",
    );
    assert_eq!(ctx.count("products").await, products, "a refusal writes nothing");
    refused(
        s.create_product(
            admin,
            &ProductInput {
                price: -1,
                ..product("Мінус", "M", 0, 1.0, 1)
            },
        )
        .await,
        ErrorCode::Invalid,
        "price",
    );

    // Filtered by any case of a Cyrillic name or a SKU, sorted by a column.
    let by = |text: &str| ProductFilter {
        text: Some(text.into()),
        ..Default::default()
    };
    assert_eq!(names(&ctx, by("ПРОФНАСТИЛ")).await, ["Профнастил ПС-20"]);
    assert_eq!(names(&ctx, by("mt-")).await, ["Металочерепиця Монтерей"]);
    assert_eq!(
        names(&ctx, by("%")).await,
        Vec::<String>::new(),
        "a wildcard is a character"
    );
    let by_price = ProductFilter {
        sort: Some("price".into()),
        descending: true,
        ..Default::default()
    };
    assert_eq!(
        names(&ctx, by_price).await,
        ["Металочерепиця Монтерей", "Профнастил ПС-20", "Саморіз покрівельний"]
    );
    refused(
        s.list_products(
            &ProductFilter {
                sort: Some("id; DROP".into()),
                ..Default::default()
            },
            Page::first(5),
        )
        .await,
        ErrorCode::Invalid,
        "sort",
    );

    // An item of a product archived later keeps its name and stays editable; the archived
    // product is offered for no new item, and comes back when restored.
    let deal = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Дах складу"), None)
        .await
        .unwrap();
    let old = s
        .add_deal_item(ctx.olena_id(), &item(deal.meta.id, Some(tile.meta.id), 2.0, None))
        .await
        .unwrap();
    let archived = s
        .delete::<Product>(admin, tile.meta.id, tile.meta.version)
        .await
        .unwrap();
    assert_eq!(names(&ctx, ProductFilter::default()).await.len(), 2, "the live catalog");
    let archive = ProductFilter {
        archived: true,
        ..Default::default()
    };
    assert_eq!(names(&ctx, archive.clone()).await, ["Металочерепиця Монтерей"]);
    let items = ctx.count("deal_items").await;
    refused(
        s.add_deal_item(ctx.olena_id(), &item(deal.meta.id, Some(tile.meta.id), 1.0, None))
            .await,
        ErrorCode::Invalid,
        "product_id",
    );
    assert_eq!(ctx.count("deal_items").await, items);
    let edited = s
        .update_deal_item(
            ctx.olena_id(),
            old.item.meta.id,
            old.item.meta.version,
            &item(deal.meta.id, Some(tile.meta.id), 3.0, None),
        )
        .await
        .unwrap();
    assert_eq!(
        (edited.item.data.name.as_str(), edited.item.data.quantity),
        ("Металочерепиця Монтерей", 3.0),
        "the old item keeps its archived product"
    );
    s.restore::<Product>(admin, archived.meta.id, archived.meta.version)
        .await
        .unwrap();
    assert!(names(&ctx, archive).await.is_empty());
    s.add_deal_item(ctx.olena_id(), &item(deal.meta.id, Some(tile.meta.id), 1.0, None))
        .await
        .unwrap();
}

pub async fn items_are_picked_edited_removed_and_the_amount_can_follow_them(ctx: Ctx) {
    let s = &ctx.store;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    let sheet = s
        .create_product(
            ctx.admin.meta.id,
            &product("Профнастил ПС-20", "PS20", 32_000, 100.0, 7),
        )
        .await
        .unwrap();
    let deal = s.create_deal(olena, &ctx.deal_input("Склад"), None).await.unwrap();

    // Picked from the catalog: its name and price filled in; within the stock, no warning.
    let first = s
        .add_deal_item(olena, &item(deal.meta.id, Some(sheet.meta.id), 10.0, Some(500)))
        .await
        .unwrap();
    assert_eq!(
        (
            first.item.data.name.as_str(),
            first.item.data.unit_price,
            first.item.data.total()
        ),
        ("Профнастил ПС-20", 32_000, 304_000),
        "10 × 320 ₴ − 5 %"
    );
    assert_eq!(first.stock, None);
    assert_eq!(
        first.deal.data.amount, 0,
        "the amount is the deal's own until it follows the items"
    );

    // Over the stock: saved, with a warning that names the lead time.
    let more = s
        .add_deal_item(olena, &item(deal.meta.id, Some(sheet.meta.id), 150.0, None))
        .await
        .unwrap();
    let short = more.stock.expect("150 m² of 100 in stock");
    assert_eq!((short.stock, short.quantity, short.lead_time_days), (100.0, 150.0, 7));

    // The amount follows the items from now on, in the same transaction as each change.
    let deal = s.get::<Deal>(deal.meta.id).await.unwrap();
    let deal = s
        .set_amount_from_items(olena, deal.meta.id, deal.meta.version, true)
        .await
        .unwrap();
    assert_eq!(deal.data.amount, 304_000 + 4_800_000);
    let edited = s
        .update_deal_item(
            olena,
            more.item.meta.id,
            more.item.meta.version,
            &item(deal.meta.id, Some(sheet.meta.id), 50.0, Some(1_000)),
        )
        .await
        .unwrap();
    assert_eq!(edited.stock, None, "50 are in stock");
    assert_eq!(edited.deal.data.amount, 304_000 + 1_440_000, "50 × 320 ₴ − 10 %");
    let lines = s.deal_lines(deal.meta.id).await.unwrap();
    assert_eq!(
        (lines.lines.len(), lines.totals.net, lines.totals.discount),
        (2, 1_744_000, 16_000 + 160_000),
        "the lines and their totals, as the core counts them"
    );

    // A stale version, another manager, another currency: refused, nothing written.
    let before = ctx.export().await;
    refused(
        s.update_deal_item(
            olena,
            more.item.meta.id,
            more.item.meta.version,
            &item(deal.meta.id, None, 1.0, None),
        )
        .await,
        ErrorCode::Conflict,
        "version",
    );
    refused(
        s.remove_deal_item(petro, first.item.meta.id, first.item.meta.version)
            .await,
        ErrorCode::Forbidden,
        "deal",
    );
    refused(
        s.add_deal_item(petro, &item(deal.meta.id, Some(sheet.meta.id), 1.0, None))
            .await,
        ErrorCode::Forbidden,
        "deal",
    );
    refused(
        s.set_amount_from_items(petro, deal.meta.id, edited.deal.meta.version, false)
            .await,
        ErrorCode::Forbidden,
        "deal",
    );
    refused(
        s.add_deal_item(
            olena,
            &DealItemInput {
                currency: Some("EUR".into()),
                ..item(deal.meta.id, Some(sheet.meta.id), 1.0, None)
            },
        )
        .await,
        ErrorCode::Invalid,
        "currency",
    );
    refused(
        s.add_deal_item(olena, &item(deal.meta.id, Some(sheet.meta.id), 1.0, Some(10_001)))
            .await,
        ErrorCode::Invalid,
        "discount_bp",
    );
    assert_eq!(ctx.export().await, before, "the refusals wrote nothing");

    // Removed softly and audited; the amount follows; the form cannot set it meanwhile.
    let deal = s
        .remove_deal_item(olena, first.item.meta.id, first.item.meta.version)
        .await
        .unwrap();
    assert_eq!(deal.data.amount, 1_440_000);
    assert_eq!(s.deal_items(deal.meta.id).await.unwrap().len(), 1);
    let removed = s.get_any::<DealItem>(first.item.meta.id).await.unwrap();
    assert!(removed.meta.deleted_at.is_some(), "a soft delete");
    let history = s
        .audit_history(first.item.meta.id, Page::first(10))
        .await
        .unwrap()
        .items;
    assert_eq!(history[0].action, AuditAction::Delete);
    let mut input = ctx.deal_input("Склад");
    input.amount = Some("1".into());
    let kept = s
        .update_deal(olena, deal.meta.id, deal.meta.version, &input)
        .await
        .unwrap();
    assert_eq!(
        kept.data.amount, 1_440_000,
        "the amount follows the items, not the form"
    );
    let off = s
        .set_amount_from_items(olena, kept.meta.id, kept.meta.version, false)
        .await
        .unwrap();
    let own = s
        .update_deal(olena, off.meta.id, off.meta.version, &input)
        .await
        .unwrap();
    assert_eq!(own.data.amount, 100, "switched off, the amount is the deal's own again");
}

pub async fn payments_are_edited_cancelled_and_paid_on_a_chosen_day(ctx: Ctx) {
    use chrono::{NaiveDate, TimeZone, Utc};
    let s = &ctx.store;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    let deal = s.create_deal(olena, &ctx.deal_input("Оплати"), None).await.unwrap();
    let planned = |amount: &str, date: &str, invoice: Option<&str>| PaymentInput {
        deal_id: deal.meta.id,
        amount: amount.into(),
        currency: None,
        planned_date: date.into(),
        invoice_number: invoice.map(Into::into),
    };
    let first = s
        .create_payment(olena, &planned("1 000", "2026-03-20", None))
        .await
        .unwrap();
    let second = s
        .create_payment(olena, &planned("500", "2026-03-25", None))
        .await
        .unwrap();

    let edited = s
        .update_payment(
            olena,
            first.meta.id,
            first.meta.version,
            &planned("1 200,50", "2026-03-05", Some("СФ-7")),
        )
        .await
        .unwrap();
    assert_eq!(
        (
            edited.data.amount,
            edited.data.planned_date.to_string(),
            edited.data.invoice_number.as_deref()
        ),
        (120_050, "2026-03-05".to_string(), Some("СФ-7"))
    );
    let before = ctx.export().await;
    refused(
        s.update_payment(
            olena,
            first.meta.id,
            first.meta.version,
            &planned("1", "2026-03-05", None),
        )
        .await,
        ErrorCode::Conflict,
        "version",
    );
    refused(
        s.update_payment(
            olena,
            edited.meta.id,
            edited.meta.version,
            &planned("1", "05.03.2026", None),
        )
        .await,
        ErrorCode::Invalid,
        "planned_date",
    );
    refused(
        s.update_payment(
            petro,
            edited.meta.id,
            edited.meta.version,
            &planned("1", "2026-03-05", None),
        )
        .await,
        ErrorCode::Forbidden,
        "deal",
    );
    refused(
        s.cancel_payment(petro, second.meta.id, second.meta.version).await,
        ErrorCode::Forbidden,
        "deal",
    );
    let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    refused(
        s.mark_payment_paid_on(petro, edited.meta.id, edited.meta.version, day(5))
            .await,
        ErrorCode::Forbidden,
        "deal",
    );
    refused(
        s.mark_payment_paid_on(olena, edited.meta.id, edited.meta.version, day(20))
            .await,
        ErrorCode::Invalid,
        "paid_on",
    );
    assert_eq!(ctx.export().await, before, "the refusals wrote nothing");

    // Paid on the 5th: counted on that day, and the gong rings once.
    let gongs = ctx.count("gong_events").await;
    let paid = s
        .mark_payment_paid_on(olena, edited.meta.id, edited.meta.version, day(5))
        .await
        .unwrap();
    assert_eq!(
        (paid.status, paid.paid_at),
        (
            PaymentStatus::Paid,
            Some(Utc.with_ymd_and_hms(2026, 3, 5, 12, 0, 0).unwrap())
        )
    );
    assert_eq!(
        ctx.count("gong_events").await,
        gongs + 1,
        "a paid payment rings the gong"
    );
    let exported = ctx.export().await;
    let row = exported["payments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == paid.meta.id.to_string())
        .unwrap()
        .clone();
    assert_eq!(
        (row["deal_owner_id"].as_str(), row["deal_pipeline_id"].as_str()),
        (
            Some(olena.to_string().as_str()),
            Some(ctx.pipeline.meta.id.to_string().as_str())
        ),
        "the payment's kept copies of its deal"
    );
    crate::after_edits::check(&ctx, &[ctx.pipeline.meta.id], "a payment paid on a chosen day").await;
    refused(
        s.update_payment(
            olena,
            paid.meta.id,
            paid.meta.version,
            &planned("1", "2026-03-05", None),
        )
        .await,
        ErrorCode::InvalidState,
        "status",
    );
    refused(
        s.cancel_payment(olena, paid.meta.id, paid.meta.version).await,
        ErrorCode::InvalidState,
        "status",
    );

    let cancelled = s
        .cancel_payment(olena, second.meta.id, second.meta.version)
        .await
        .unwrap();
    assert_eq!((cancelled.status, cancelled.paid_at), (PaymentStatus::Cancelled, None));
    assert_eq!(
        ctx.count("gong_events").await,
        gongs + 1,
        "a cancelled payment rings nothing"
    );
}
