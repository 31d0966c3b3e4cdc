use crate::harness::Ctx;
use voronka_core::model::*;
use voronka_store::{CompanyFilter, DealFilter, MoveDeal, Page};

pub async fn lists_page_without_gaps_or_overlaps(ctx: Ctx) {
    let s = &ctx.store;
    for i in 0..57 {
        let owner = if i % 3 == 0 { ctx.petro.meta.id } else { ctx.olena_id() };
        s.create_company(
            owner,
            &CompanyInput {
                name: format!("Компанія {i:03}"),
                city: Some(if i % 2 == 0 { "Київ" } else { "Львів" }.into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    let mut names = Vec::new();
    let mut page = Page::first(20);
    let mut pages = 0;
    loop {
        let got = s.list_companies(&CompanyFilter::default(), page).await.unwrap();
        pages += 1;
        names.extend(got.items.into_iter().map(|c| c.data.name.to_string()));
        if !got.more {
            break;
        }
        page = page.next();
    }
    assert_eq!(pages, 3, "57 rows in pages of 20");
    let expected: Vec<String> = (0..57).map(|i| format!("Компанія {i:03}")).collect();
    assert_eq!(names, expected, "in name order, each once");
    let desc = s
        .list_companies(
            &CompanyFilter {
                sort: Some("name".into()),
                descending: true,
                ..Default::default()
            },
            Page::first(1),
        )
        .await
        .unwrap();
    assert_eq!(desc.items[0].data.name.as_str(), "Компанія 056");
    let petro = s
        .list_companies(
            &CompanyFilter {
                owner_id: Some(ctx.petro.meta.id),
                city: Some("Київ".into()),
                ..Default::default()
            },
            Page::first(100),
        )
        .await
        .unwrap();
    assert_eq!(petro.items.len(), 10, "owner and city filters combine (i % 6 == 0)");
    let err = s
        .list_companies(
            &CompanyFilter {
                sort: Some("name; DROP TABLE companies".into()),
                ..Default::default()
            },
            Page::first(1),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("sort"),
        "sort columns come from a fixed list"
    );
    let huge = s
        .list_companies(
            &CompanyFilter::default(),
            Page {
                offset: 0,
                limit: 100_000,
            },
        )
        .await
        .unwrap();
    assert_eq!(huge.items.len(), 57, "a page is capped at 500 rows");
}

pub async fn deal_list_filters_by_owner_and_stage(ctx: Ctx) {
    let s = &ctx.store;
    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван", "0509876543").await;
    for i in 0..6 {
        let mut input = ctx.deal_input(&format!("Угода {i}"));
        input.owner_id = Some(if i < 4 { ctx.olena_id() } else { ctx.petro.meta.id });
        input.company_id = Some(company.meta.id);
        input.contact_ids = vec![contact.meta.id];
        let deal = s.create_deal(ctx.head.meta.id, &input, None).await.unwrap();
        if i % 2 == 0 {
            s.move_deal(
                ctx.head.meta.id,
                deal.meta.id,
                deal.meta.version,
                &MoveDeal {
                    stage_id: Some(ctx.stage("Кваліфікація").meta.id),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        }
        ctx.clock.advance(chrono::Duration::seconds(1));
    }
    let filter = DealFilter {
        owner_id: Some(ctx.olena_id()),
        stage_id: Some(ctx.stage("Кваліфікація").meta.id),
        ..Default::default()
    };
    let titles: Vec<String> = s
        .list_deals(&filter, Page::first(50))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|d| d.data.title.to_string())
        .collect();
    assert_eq!(
        titles,
        ["Угода 2", "Угода 0"],
        "Olena's deals in Кваліфікація, newest first"
    );
    let by_contact = s
        .list_deals(
            &DealFilter {
                contact_id: Some(contact.meta.id),
                ..Default::default()
            },
            Page::first(50),
        )
        .await
        .unwrap();
    assert_eq!(by_contact.items.len(), 6, "a contact's deals");
    let open = s
        .list_deals(
            &DealFilter {
                status: Some(DealStatus::Open),
                owner_id: Some(ctx.petro.meta.id),
                ..Default::default()
            },
            Page::first(50),
        )
        .await
        .unwrap();
    assert_eq!(open.items.len(), 2);
}

/// The deals behind a report's number: those created in its period, by whole UTC days.
pub async fn deal_list_filters_by_the_day_created(ctx: Ctx) {
    let s = &ctx.store;
    let first_day = ctx.clock_now().date_naive();
    // Three deals a day for four days: at the day's start, its middle and its last millisecond.
    for day in 0..4 {
        let midnight = first_day + chrono::Days::new(day);
        let start = midnight.and_hms_opt(0, 0, 0).unwrap().and_utc();
        for (n, at) in [
            start,
            start + chrono::Duration::hours(12),
            start + chrono::Duration::days(1) - chrono::Duration::milliseconds(1),
        ]
        .into_iter()
        .enumerate()
        {
            ctx.clock.set(at);
            s.create_deal(ctx.olena_id(), &ctx.deal_input(&format!("День {day} № {n}")), None)
                .await
                .unwrap();
        }
    }
    let titles = |from: Option<u64>, to: Option<u64>| {
        let filter = DealFilter {
            created_from: from.map(|d| first_day + chrono::Days::new(d)),
            created_to: to.map(|d| first_day + chrono::Days::new(d)),
            ..Default::default()
        };
        async move {
            let got = s.list_deals(&filter, Page::first(50)).await.unwrap();
            got.items
                .into_iter()
                .map(|d| d.data.title.to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        titles(Some(1), Some(2)).await,
        [
            "День 2 № 2",
            "День 2 № 1",
            "День 2 № 0",
            "День 1 № 2",
            "День 1 № 1",
            "День 1 № 0"
        ],
        "both days whole, to their last millisecond"
    );
    assert_eq!(titles(Some(3), None).await, ["День 3 № 2", "День 3 № 1", "День 3 № 0"]);
    assert_eq!(titles(None, Some(0)).await, ["День 0 № 2", "День 0 № 1", "День 0 № 0"]);
    assert_eq!(titles(None, None).await.len(), 12);

    let backwards = DealFilter {
        created_from: Some(first_day + chrono::Days::new(2)),
        created_to: Some(first_day),
        ..Default::default()
    };
    let err = s.list_deals(&backwards, Page::first(50)).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("created_to"), "{}", err.message);
}
