//! List exports: the rows of a list's screen, with its filter and order, in the chosen
//! columns, names looked up, text kept as text; a manager gets her own records; a column the
//! list has not is refused before anything is read.

use crate::harness::{Ctx, refused};
use voronka_core::ErrorCode;
use voronka_core::lists::ListColumn;
use voronka_core::model::CompanyInput;
use voronka_core::reports::Cell;
use voronka_store::{CompanyFilter, ContactFilter, ListQuery};

fn columns(keys: &[&str]) -> Vec<ListColumn> {
    keys.iter()
        .map(|k| ListColumn {
            key: k.to_string(),
            title: k.to_uppercase(),
        })
        .collect()
}

/// The export's rows, pulled off the async threads as a file writer pulls them.
async fn rows(export: voronka_core::lists::ListExport) -> Vec<Vec<Cell>> {
    tokio::task::spawn_blocking(move || export.rows.map(Result::unwrap).collect())
        .await
        .unwrap()
}

pub async fn a_list_is_exported_as_its_screen_shows_it(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    let dah = ctx.company("ТОВ Дах", "+380671110001").await;
    ctx.contact(&dah, "Ігор Дах", "+380671110002").await;
    ctx.company("=HYPERLINK(\"http://x\")", "+380671110003").await;
    s.create_company(
        ctx.petro.meta.id,
        &CompanyInput {
            name: "Петрова компанія".into(),
            city: Some("Київ".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let by_city = ListQuery::Companies(CompanyFilter {
        city: Some("Львів".into()),
        sort: Some("name".into()),
        descending: true,
        ..Default::default()
    });
    let head = ctx.head.meta.id;
    let export = s
        .list_export(
            head,
            &by_city,
            &columns(&["name", "owner", "industry", "work_phone", "created_at"]),
        )
        .await
        .unwrap();
    assert_eq!(export.columns.len(), 5);
    let got = rows(export).await;
    assert_eq!(got.len(), 2, "the filter's companies only: {got:?}");
    assert_eq!(
        got[0][0],
        Cell::text("ТОВ Дах"),
        "in the screen's order (name, descending)"
    );
    assert_eq!(
        got[1][0],
        Cell::text("=HYPERLINK(\"http://x\")"),
        "a formula-like name is text"
    );
    assert_eq!(got[0][1], Cell::text("Олена Коваль"), "the owner by name");
    assert!(
        matches!(&got[0][2], Cell::Text(t) if t != "construction"),
        "the industry by its name: {:?}",
        got[0][2]
    );
    assert_eq!(got[0][3], Cell::text("380671110001"), "a phone as kept, as text");
    assert!(matches!(got[0][4], Cell::Date(_)));

    let contacts = s
        .list_export(
            head,
            &ListQuery::Contacts(ContactFilter::default()),
            &columns(&["full_name", "company", "phones"]),
        )
        .await
        .unwrap();
    let got = rows(contacts).await;
    assert!(
        got.contains(&vec![
            Cell::text("Ігор Дах"),
            Cell::text("ТОВ Дах"),
            Cell::text("380671110002")
        ]),
        "the company by name, the phones as one line: {got:?}"
    );

    // "Export of lists: their own records" for a manager.
    let all = ListQuery::Companies(CompanyFilter::default());
    let hers = rows(s.list_export(olena, &all, &columns(&["name"])).await.unwrap()).await;
    assert_eq!(hers.len(), 2, "Olena's two companies, not Petro's: {hers:?}");
    let everyone = rows(s.list_export(head, &all, &columns(&["name"])).await.unwrap()).await;
    assert_eq!(everyone.len(), 3);

    refused(
        s.list_export(head, &all, &columns(&["name", "amount"])).await,
        ErrorCode::Invalid,
        "columns[1]",
    );
    refused(
        s.list_export(
            head,
            &ListQuery::Companies(CompanyFilter {
                sort: Some("phone".into()),
                ..Default::default()
            }),
            &columns(&["name"]),
        )
        .await,
        ErrorCode::Invalid,
        "sort",
    );
}
