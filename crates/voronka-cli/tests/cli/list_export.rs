//! `export-list` read back by a real spreadsheet reader: every demo deal of the list, in the
//! columns asked for, and a name that looks like a formula is a text cell, never a formula.

use crate::ok;
use calamine::{Data, Reader, Xlsx};
use voronka_core::model::CompanyInput;
use voronka_core::model::Role;
use voronka_store::Store;
use voronka_testdb::{Kind, TestDb};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_opens_in_a_spreadsheet_with_text_kept_as_text() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    ok(&db, &["demo", "--seed", "3", "--scale", "10", "--today", "2026-05-04"]);
    let store = Store::open(&db.url).await.unwrap();
    let admin = store
        .list_users()
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.data.role == Role::Admin || u.data.role == Role::Head)
        .unwrap();
    for name in ["=1+1", "@SUM(A1)", "-2+3", "+380 67 123 45 67"] {
        let input = CompanyInput {
            name: name.into(),
            ..Default::default()
        };
        store.create_company(admin.meta.id, &input).await.unwrap();
    }
    store.close().await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("companies.xlsx");
    let printed = ok(
        &db,
        &[
            "export-list",
            "companies",
            "--out",
            out.to_str().unwrap(),
            "--columns",
            "name,city,owner",
        ],
    );
    assert!(printed.contains("rows written"), "{printed}");

    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let sheet = book
        .sheet_names()
        .into_iter()
        .find(|n| n == "Companies")
        .expect("a Companies sheet");
    let cells = book.worksheet_range(&sheet).unwrap();
    let header: Vec<String> = cells.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(header, ["name", "city", "owner"]);
    let names: Vec<&Data> = cells.rows().skip(1).map(|r| &r[0]).collect();
    for formula_like in ["=1+1", "@SUM(A1)", "-2+3", "+380 67 123 45 67"] {
        assert!(
            names.contains(&&Data::String(formula_like.into())),
            "«{formula_like}» is a text cell: {names:?}"
        );
    }
    let formulas = book.worksheet_formula(&sheet).unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formula at all");
}
