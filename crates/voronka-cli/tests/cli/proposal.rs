//! `proposal DEAL_ID`: the files it writes say what the deal says, read back by pdftotext and
//! calamine, and the proposal is kept with the deal.

use super::ok;
use calamine::{Data, Reader, Xlsx};
use std::process::Command;
use voronka_core::model::*;
use voronka_store::Store;
use voronka_testdb::{Kind, TestDb};

/// A department with its template and a deal of two catalog items, one of them discounted.
async fn deal_with_items(db: &TestDb) -> Deal {
    let store = Store::open(&db.url).await.unwrap();
    let user = |name: &str, email: &str, role| UserInput {
        name: name.into(),
        email: Some(email.into()),
        role: Some(role),
        ..Default::default()
    };
    let admin = store
        .create_user(None, &user("Адам Адмінович", "admin@dah.ua", Role::Admin))
        .await
        .unwrap();
    let olena = store
        .create_user(
            Some(admin.meta.id),
            &user("Олена Коваль", "olena@dah.ua", Role::Manager),
        )
        .await
        .unwrap();
    // The number she keeps in Settings → General is the one the proposal gives the client.
    let contacts = MyContactsInput {
        name: "Олена Коваль".into(),
        email: Some("olena@dah.ua".into()),
        phone: Some("067 555 12 34".into()),
    };
    store
        .set_my_contacts(olena.meta.id, olena.meta.version, &contacts)
        .await
        .unwrap();
    store.install_defaults(admin.meta.id).await.unwrap();
    let template = ProposalTemplateInput {
        company_name: "ТОВ «Покрівля Захід»".into(),
        requisites: Some("ЄДРПОУ 12345678".into()),
        terms: Some("Поставка за 5 робочих днів.".into()),
        vat_rate_bp: Some(2_000),
        prices_include_vat: true,
        ..Default::default()
    };
    store
        .save_proposal_template(admin.meta.id, None, &template)
        .await
        .unwrap();
    let company = store
        .create_company(
            olena.meta.id,
            &CompanyInput {
                name: "ТОВ Будмайстер".into(),
                city: Some("Львів".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let pipeline = store.list_pipelines().await.unwrap().remove(0);
    let deal = store
        .create_deal(
            olena.meta.id,
            &DealInput {
                company_id: Some(company.meta.id),
                ..DealInput::titled("Дах складу", pipeline.meta.id)
            },
            None,
        )
        .await
        .unwrap();
    for (name, sku, price, quantity, discount) in [
        ("Профнастил ПС-20", "PS20", 32_000, 10.0, 500),
        ("Саморіз покрівельний", "SR-48", 150, 200.0, 0),
    ] {
        let product = store
            .create_product(
                admin.meta.id,
                &ProductInput {
                    name: name.into(),
                    sku: Some(sku.into()),
                    unit: Some("шт".into()),
                    price,
                    stock: Some(1_000.0),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let line = DealItemInput {
            deal_id: deal.meta.id,
            product_id: Some(product.meta.id),
            name: None,
            quantity,
            unit_price: None,
            currency: None,
            discount_bp: Some(discount),
        };
        store.add_deal_item(olena.meta.id, &line).await.unwrap();
    }
    store.close().await;
    deal
}

fn pdf_text(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) reads the proposal");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proposal_reads_back_with_its_company_items_and_total() {
    for kind in [Kind::Sqlite, Kind::Postgres] {
        let Some(db) = TestDb::fresh(kind).await else {
            continue;
        };
        let deal = deal_with_items(&db).await;
        let dir = tempfile::tempdir().unwrap();
        let (pdf, xlsx) = (dir.path().join("kp.pdf"), dir.path().join("kp.xlsx"));
        let said = ok(
            &db,
            &[
                "proposal",
                &deal.meta.id.to_string(),
                "--pdf",
                pdf.to_str().unwrap(),
                "--xlsx",
                xlsx.to_str().unwrap(),
            ],
        );
        assert!(said.contains("kept with the deal"), "{said}");

        // 10 × 320 ₴ − 5 % = 3 040 ₴ and 200 × 1,50 ₴ = 300 ₴: 3 340 ₴, VAT inside it 556,67 ₴.
        let text = pdf_text(&pdf);
        for expected in [
            "ТОВ Будмайстер",
            "ТОВ «Покрівля Захід»",
            "Профнастил ПС-20",
            "Саморіз покрівельний",
            "3 040,00 ₴",
            "300,00 ₴",
            "3 340,00 ₴",
            "556,67 ₴",
            "Олена Коваль",
            "olena@dah.ua",
            "+380 67 555 12 34",
        ] {
            assert!(text.contains(expected), "{kind:?}: the PDF says «{expected}»:\n{text}");
        }

        let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        let rows: Vec<&[Data]> = sheet.rows().collect();
        let row_of = |name: &str| {
            *rows
                .iter()
                .find(|r| r.iter().any(|c| c.to_string().starts_with(name)))
                .unwrap_or_else(|| panic!("{kind:?}: a row of {name}"))
        };
        let sheet_row = row_of("Профнастил ПС-20");
        assert_eq!(sheet_row[3], Data::Float(10.0), "the quantity as a number");
        assert_eq!(sheet_row[4], Data::Float(320.0), "the price");
        assert_eq!(sheet_row[5], Data::Float(0.05), "the discount");
        assert_eq!(sheet_row[6], Data::Float(3040.0), "the line total");
        let total = rows
            .iter()
            .find(|r| r.iter().any(|c| *c == Data::String("Разом".into())))
            .expect("the total row");
        assert_eq!(total.last(), Some(&Data::Float(3340.0)), "the total");

        let export: serde_json::Value = serde_json::from_str(&ok(&db, &["export-json"])).unwrap();
        let names: Vec<&str> = export["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names.len(),
            2,
            "{kind:?}: the PDF and the XLSX are kept with the deal: {names:?}"
        );
    }
}
