use crate::harness::Ctx;
use voronka_core::model::*;
use voronka_store::Page;

async fn hits(ctx: &Ctx, query: &str) -> Vec<String> {
    let mut titles: Vec<String> = ctx
        .store
        .search(query, Page::first(50))
        .await
        .unwrap_or_else(|e| panic!("search {query:?} failed: {e}"))
        .items
        .into_iter()
        .map(|h| format!("{}:{}", h.kind, h.title))
        .collect();
    titles.sort();
    titles
}

async fn team(ctx: &Ctx) {
    let s = &ctx.store;
    let dah = s
        .create_company(
            ctx.olena_id(),
            &CompanyInput {
                name: "ТОВ «Дах Майстер»".into(),
                city: Some("Львів".into()),
                work_phone: Some("+38 (067) 123-45-67".into()),
                email: Some("info@dah.ua".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    s.create_company(
        ctx.olena_id(),
        &CompanyInput {
            name: "Вікна Оптом".into(),
            city: Some("Одеса".into()),
            work_phone: Some("0442223344".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    s.create_contact(
        ctx.olena_id(),
        &ContactInput {
            full_name: "Ірина Дахно".into(),
            company_id: Some(dah.meta.id),
            phones: vec!["0509998877".into()],
            emails: vec!["iryna@gmail.com".into()],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let mut deal = ctx.deal_input("Металочерепиця 300 м²");
    deal.company_id = Some(dah.meta.id);
    s.create_deal(ctx.olena_id(), &deal, None).await.unwrap();
}

pub async fn search_finds_by_any_fragment(ctx: Ctx) {
    team(&ctx).await;
    assert_eq!(
        hits(&ctx, "майстер").await,
        ["company:ТОВ «Дах Майстер»", "deal:Металочерепиця 300 м²"],
        "a name fragment finds the company and its deal"
    );
    assert_eq!(
        hits(&ctx, "ДАХ").await,
        [
            "company:ТОВ «Дах Майстер»",
            "contact:Ірина Дахно",
            "deal:Металочерепиця 300 м²"
        ],
        "Cyrillic matches in any case"
    );
    assert_eq!(
        hits(&ctx, "067").await,
        ["company:ТОВ «Дах Майстер»"],
        "phone digits as typed"
    );
    assert_eq!(
        hits(&ctx, "123-45").await,
        ["company:ТОВ «Дах Майстер»"],
        "a phone fragment with dashes"
    );
    assert_eq!(hits(&ctx, "(050) 999").await, ["contact:Ірина Дахно"]);
    assert_eq!(hits(&ctx, "gmail").await, ["contact:Ірина Дахно"], "email fragment");
    assert_eq!(hits(&ctx, "одеса").await, ["company:Вікна Оптом"], "city");
    assert_eq!(
        hits(&ctx, "черепиця").await,
        ["deal:Металочерепиця 300 м²"],
        "a fragment inside a word"
    );
    assert_eq!(
        hits(&ctx, "оп").await,
        ["company:Вікна Оптом"],
        "two characters still find"
    );
    assert!(hits(&ctx, "   ").await.is_empty());
    let hit = ctx
        .store
        .search("майстер", Page::first(5))
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|h| h.kind == "company")
        .unwrap();
    assert_eq!(hit.subtitle.as_deref(), Some("Львів"), "a company hit shows its city");
}

pub async fn hostile_input_cannot_break_search(ctx: Ctx) {
    team(&ctx).await;
    for hostile in [
        "\"",
        "\"\"",
        "*",
        "OR",
        "дах OR вікна",
        "%",
        "_",
        "\\",
        "'); DROP TABLE companies; --",
        "NEAR(дах вікна)",
        "body:дах",
        "^дах",
        "дах*",
        "-дах",
        "(",
        ")",
        "'",
        "\u{0}",
    ] {
        let found = hits(&ctx, hostile).await;
        assert!(
            found.is_empty(),
            "{hostile:?} is text, not syntax, and matches nothing: {found:?}"
        );
    }
    assert_eq!(ctx.count("companies").await, 2, "and the tables are all there");
    assert_eq!(hits(&ctx, "100%").await.len(), 0, "% is a literal percent sign");
}

pub async fn search_forgets_deleted_records_and_pages(ctx: Ctx) {
    let s = &ctx.store;
    let c = ctx.company("Сонячні Панелі", "0631234567").await;
    assert_eq!(hits(&ctx, "сонячн").await.len(), 1);
    let gone: Company = s.delete(ctx.olena_id(), c.meta.id, 1).await.unwrap();
    assert!(
        hits(&ctx, "сонячн").await.is_empty(),
        "deleted records leave the search"
    );
    s.restore::<Company>(ctx.olena_id(), c.meta.id, gone.meta.version)
        .await
        .unwrap();
    assert_eq!(hits(&ctx, "сонячн").await.len(), 1, "and come back with a restore");
    let renamed = CompanyInput {
        name: "Вітрові Турбіни".into(),
        work_phone: Some("0631234567".into()),
        ..Default::default()
    };
    s.update_company(ctx.olena_id(), c.meta.id, gone.meta.version + 1, &renamed)
        .await
        .unwrap();
    assert!(
        hits(&ctx, "сонячн").await.is_empty() && hits(&ctx, "турбін").await.len() == 1,
        "an update re-indexes"
    );

    for i in 0..25 {
        ctx.company(&format!("Мережа {i:02}"), &format!("0730000{i:03}")).await;
    }
    let mut seen = Vec::new();
    let mut page = Page::first(10);
    loop {
        let got = s.search("мережа", page).await.unwrap();
        seen.extend(got.items.into_iter().map(|h| h.id));
        if !got.more {
            break;
        }
        page = page.next();
    }
    let unique: std::collections::HashSet<_> = seen.iter().collect();
    assert_eq!(
        (seen.len(), unique.len()),
        (25, 25),
        "pages of search cover every hit once"
    );
}
