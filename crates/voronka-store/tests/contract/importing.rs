//! Importing clients from a file: a dry run counts and writes nothing; duplicates (rule 6) are
//! skipped, updated or refused, within the file and against the base; owners come from a
//! column or in turn; a manager imports for herself only; a failure or a cancel mid-way leaves
//! the database as it was; the mapping is remembered for the next file (and the wizard starts
//! from it); deals bring their company and contact.

use crate::harness::{Ctx, Kind};
use sqlx::Connection;
use std::ops::ControlFlow;
use std::path::PathBuf;
use voronka_core::ErrorCode;
use voronka_core::model::*;
use voronka_import::{Field, ImportKind};
use voronka_store::{DuplicatePolicy, ImportProgress, ImportReport, ImportRequest, Owners, RowStatus};

fn csv(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn go(_: ImportProgress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

async fn import(
    ctx: &Ctx,
    actor: &User,
    path: &std::path::Path,
    request: &ImportRequest,
) -> voronka_core::Result<ImportReport> {
    ctx.store.import_file(actor.meta.id, path, request, &mut go).await
}

fn request(kind: ImportKind, duplicates: DuplicatePolicy) -> ImportRequest {
    ImportRequest {
        duplicates,
        ..ImportRequest::new(kind)
    }
}

const CLIENTS: &str = "Назва;Місто;Телефон;E-mail;Контакт;Посада
Дах;Львів;;;;
Ліс;Київ;0501234567;lis@example.com;Іван Ліс;директор
Ліс Плюс;Київ;050 123 45 67;;;
;Одеса;;;;
Берег;Одеса;12;;;
";

async fn imports(ctx: &Ctx) -> Vec<serde_json::Value> {
    ctx.export().await["audit_log"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["entity"] == "import")
        .cloned()
        .collect()
}

pub async fn import_dry_run_writes_nothing_and_counts_what_the_import_does(ctx: Ctx) {
    ctx.company("ТОВ «Дах»", "+380671112233").await;
    let dir = tempfile::tempdir().unwrap();
    let path = csv(&dir, "clients.csv", CLIENTS);
    let (companies, contacts, audit) = (
        ctx.count("companies").await,
        ctx.count("contacts").await,
        ctx.count("audit_log").await,
    );
    let mut dry = request(ImportKind::Companies, DuplicatePolicy::Skip);
    dry.dry_run = true;
    let report = import(&ctx, &ctx.head, &path, &dry).await.unwrap();
    let t = report.totals;
    assert_eq!(
        (t.rows, t.new, t.duplicates, t.skipped, t.refused),
        (5, 1, 2, 2, 2),
        "Дах is in the base by name in Львів, Ліс Плюс repeats Ліс's phone, two rows are invalid: {t:?}"
    );
    assert_eq!(report.preview.len(), 5);
    let row6 = &report.preview[4];
    assert_eq!((row6.row, row6.status), (6, RowStatus::Refused));
    assert_eq!(
        row6.notes[0].field.as_deref(),
        Some("phone"),
        "the reason names the field"
    );
    assert_eq!(report.preview[3].notes[0].field.as_deref(), Some("name"));
    assert!(
        report.preview[0].notes[0].message.contains("Олена Коваль"),
        "a duplicate names the owner: {:?}",
        report.preview[0].notes
    );
    assert_eq!(report.refused.len(), 2);
    assert_eq!(report.import_id, None);
    assert_eq!(
        (
            ctx.count("companies").await,
            ctx.count("contacts").await,
            ctx.count("audit_log").await
        ),
        (companies, contacts, audit),
        "a dry run writes nothing"
    );

    let real = import(
        &ctx,
        &ctx.head,
        &path,
        &request(ImportKind::Companies, DuplicatePolicy::Skip),
    )
    .await
    .unwrap();
    assert_eq!(real.totals, t, "the import does what its dry run said");
    assert_eq!(ctx.count("companies").await, companies + 1);
    assert_eq!(ctx.count("contacts").await, contacts + 1, "Ліс came with its contact");
    let hits = ctx
        .store
        .search("050123", voronka_store::Page::first(10))
        .await
        .unwrap();
    assert_eq!(hits.items.len(), 1, "the new company is found by its phone");
    let entries = imports(&ctx).await;
    assert_eq!(entries.len(), 1, "one audit entry for the import");
    let counts = &entries[0]["after"];
    assert_eq!(
        (counts["new"].as_i64(), counts["refused"].as_i64()),
        (Some(1), Some(2)),
        "{counts}"
    );
    assert_eq!(entries[0]["actor_id"], serde_json::json!(ctx.head.meta.id));
}

pub async fn import_duplicates_are_skipped_updated_or_refused(ctx: Ctx) {
    let dah = ctx.company("Дах", "+380671112233").await;
    let dir = tempfile::tempdir().unwrap();
    let path = csv(
        &dir,
        "dups.csv",
        "Назва,Місто,Телефон,E-mail\nДах,Львів,,dah@example.com\nЛіс,Київ,0501234567,\nЛіс-2,Київ,0501234567,lis2@example.com\n",
    );
    let refused = import(
        &ctx,
        &ctx.head,
        &path,
        &request(ImportKind::Companies, DuplicatePolicy::Refuse),
    )
    .await
    .unwrap();
    let t = refused.totals;
    assert_eq!((t.new, t.duplicates, t.refused), (1, 2, 2), "{t:?}");
    assert!(
        refused.refused[0]
            .reason
            .contains("already exists, owned by Олена Коваль")
    );
    assert_eq!(
        refused.refused[1].row, 4,
        "the second Ліс is a duplicate within the file"
    );

    let updated = import(
        &ctx,
        &ctx.head,
        &path,
        &request(ImportKind::Companies, DuplicatePolicy::Update),
    )
    .await
    .unwrap();
    let t = updated.totals;
    assert_eq!(
        (t.new, t.duplicates, t.updated),
        (0, 3, 3),
        "Ліс is in the base now: {t:?}"
    );
    let after = ctx.store.get::<Company>(dah.meta.id).await.unwrap();
    assert_eq!(after.data.email.as_ref().map(|e| e.as_str()), Some("dah@example.com"));
    assert_eq!(after.data.owner_id, ctx.olena_id(), "an update keeps the owner");
    assert_eq!(after.meta.version, dah.meta.version + 1);
    let lis = ctx.store.search("lis2", voronka_store::Page::first(5)).await.unwrap();
    assert_eq!(lis.items.len(), 1, "Ліс took Ліс-2's e-mail");

    let skipped = import(
        &ctx,
        &ctx.head,
        &path,
        &request(ImportKind::Companies, DuplicatePolicy::Skip),
    )
    .await
    .unwrap();
    assert_eq!((skipped.totals.skipped, skipped.totals.new), (3, 0));
}

pub async fn import_owners_come_from_a_column_or_in_turn(ctx: Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let path = csv(
        &dir,
        "owners.csv",
        "Company;Owner\nA1;Олена Коваль\nA2;петро шевчук\nA3;\nA4;Хтось Інший\n",
    );
    let report = import(
        &ctx,
        &ctx.head,
        &path,
        &request(ImportKind::Companies, DuplicatePolicy::Skip),
    )
    .await
    .unwrap();
    assert_eq!((report.totals.new, report.totals.refused), (3, 1));
    assert_eq!(report.refused[0].field.as_deref(), Some("owner"));
    let owners = owners_by_name(&ctx).await;
    assert_eq!(owners["A1"], ctx.olena_id());
    assert_eq!(owners["A2"], ctx.petro.meta.id, "a name in any case");
    assert_eq!(owners["A3"], ctx.head.meta.id, "an empty cell is the importer's");

    let path = csv(&dir, "shared.csv", "Company;Owner\nB1;Хтось\nB2;\nB3;\nB4;\n");
    let mut shared = request(ImportKind::Companies, DuplicatePolicy::Skip);
    shared.owners = Owners::Share(vec![ctx.olena_id(), ctx.petro.meta.id]);
    let report = import(&ctx, &ctx.head, &path, &shared).await.unwrap();
    assert_eq!(report.totals.new, 4, "sharing ignores the owner column");
    let owners = owners_by_name(&ctx).await;
    let got: Vec<_> = ["B1", "B2", "B3", "B4"].iter().map(|n| owners[*n]).collect();
    assert_eq!(
        got,
        vec![ctx.olena_id(), ctx.petro.meta.id, ctx.olena_id(), ctx.petro.meta.id]
    );
}

async fn owners_by_name(ctx: &Ctx) -> std::collections::HashMap<String, voronka_core::Id> {
    ctx.export().await["companies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                serde_json::from_value(c["owner_id"].clone()).unwrap(),
            )
        })
        .collect()
}

pub async fn import_by_a_manager_is_for_herself_only(ctx: Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let path = csv(
        &dir,
        "mine.csv",
        "Company,Manager\nC1,\nC2,Петро Шевчук\nC3,Олена Коваль\n",
    );
    let mut shared = request(ImportKind::Companies, DuplicatePolicy::Skip);
    shared.owners = Owners::Share(vec![ctx.olena_id(), ctx.petro.meta.id]);
    let before = ctx.count("companies").await;
    let err = import(&ctx, &ctx.olena, &path, &shared).await.unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("share")),
        "{err}"
    );
    assert_eq!(ctx.count("companies").await, before, "a refused import writes nothing");

    let report = import(
        &ctx,
        &ctx.olena,
        &path,
        &request(ImportKind::Companies, DuplicatePolicy::Skip),
    )
    .await
    .unwrap();
    assert_eq!((report.totals.new, report.totals.refused), (2, 1));
    assert_eq!(report.refused[0].row, 3);
    assert_eq!(report.refused[0].field.as_deref(), Some("owner"));
    assert!(
        report.refused[0].reason.contains("yourself only"),
        "{}",
        report.refused[0].reason
    );
    let owners = owners_by_name(&ctx).await;
    assert_eq!((owners["C1"], owners["C3"]), (ctx.olena_id(), ctx.olena_id()));
}

/// Makes the database refuse a company named `name` at the moment it is written.
async fn refuse_in_the_database(ctx: &Ctx, name: &str) {
    match ctx.kind {
        Kind::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&ctx.url).await.unwrap();
            let sql = format!(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON companies WHEN NEW.name = '{name}'
                 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            );
            sqlx::query(&sql).execute(&mut conn).await.unwrap();
        }
        Kind::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&ctx.url).await.unwrap();
            let function = format!(
                "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN IF NEW.name = '{name}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$"
            );
            sqlx::query(&function).execute(&mut conn).await.unwrap();
            sqlx::query(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON companies FOR EACH ROW EXECUTE FUNCTION refuse_one()",
            )
            .execute(&mut conn)
            .await
            .unwrap();
        }
    }
}

pub async fn import_failure_or_cancel_mid_way_leaves_the_database_as_it_was(ctx: Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let path = csv(&dir, "boom.csv", "Назва\nПерша\nДруга\nВибух\nЧетверта\n");
    let counts = async || {
        (
            ctx.count("companies").await,
            ctx.count("audit_log").await,
            ctx.count("contacts").await,
        )
    };
    let before = counts().await;
    let mut cancelled = request(ImportKind::Companies, DuplicatePolicy::Skip);
    cancelled.batch_rows = 1;
    let mut told = 0;
    let mut cancel_second = |_: ImportProgress| {
        told += 1;
        if told == 2 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let err = ctx
        .store
        .import_file(ctx.head.meta.id, &path, &cancelled, &mut cancel_second)
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidState, Some("import"))
    );
    assert_eq!(counts().await, before, "a cancel after the first batch rolls it back");

    for (name, text, why) in [
        ("empty.csv", "", "empty"),
        ("header.csv", "Назва;Місто\n", "no rows to import"),
    ] {
        let err = import(&ctx, &ctx.head, &csv(&dir, name, text), &cancelled)
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("file"), "{name}: {err}");
        assert!(err.message.contains(why), "{name}: {}", err.message);
    }

    refuse_in_the_database(&ctx, "Вибух").await;
    let err = import(&ctx, &ctx.head, &path, &cancelled).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Storage, "{err}");
    assert_eq!(
        counts().await,
        before,
        "the rows before the failing one are rolled back too"
    );
}

pub async fn import_mapping_is_remembered_for_the_next_file(ctx: Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let first = csv(&dir, "a.csv", "Фірма X;Тел.;Колір\nПерша;0671000001;синій\n");
    let mut chosen = request(ImportKind::Companies, DuplicatePolicy::Skip);
    chosen.map = vec![("Фірма X".into(), "name".into()), ("Колір".into(), "notes".into())];
    import(&ctx, &ctx.head, &first, &chosen).await.unwrap();
    let remembered = ctx
        .store
        .import_mapping(ctx.head.meta.id, ImportKind::Companies)
        .await
        .unwrap();
    assert!(
        remembered.contains(&("Фірма X".to_string(), "name".to_string())),
        "{remembered:?}"
    );
    assert!(
        ctx.store
            .import_mapping(ctx.olena_id(), ImportKind::Companies)
            .await
            .unwrap()
            .is_empty(),
        "each user has their own"
    );

    let second = csv(&dir, "b.csv", "Тел.;Фірма X;Колір\n0671000002;Друга;зелений\n");
    let shown = ctx
        .store
        .import_inspect(ctx.head.meta.id, &second, ImportKind::Companies, 20)
        .await
        .unwrap();
    let fields: Vec<_> = shown.mapping.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        vec![Some(Field::Phone), Some(Field::Name), Some(Field::Notes)],
        "the wizard starts from the remembered mapping"
    );
    assert_eq!(shown.file.sample, vec![vec!["0671000002", "Друга", "зелений"]]);
    assert_eq!((shown.required, shown.fields[0]), (Field::Name, Field::Name));
    let hers = ctx
        .store
        .import_inspect(ctx.olena_id(), &second, ImportKind::Companies, 20)
        .await
        .expect("a file without a recognised name column is shown, for the person to map");
    assert_eq!(hers.mapping.column_of(Field::Name), None, "{:?}", hers.mapping);
    let report = import(
        &ctx,
        &ctx.head,
        &second,
        &request(ImportKind::Companies, DuplicatePolicy::Skip),
    )
    .await
    .unwrap();
    assert_eq!(
        report.totals.new, 1,
        "the next file is mapped as the last one: {:?}",
        report.mapping
    );
    let fields: Vec<_> = report
        .mapping
        .columns
        .iter()
        .map(|c| c.field.map(|f| f.as_str()))
        .collect();
    assert_eq!(fields, vec![Some("phone"), Some("name"), Some("notes")]);
    let err = import(
        &ctx,
        &ctx.olena,
        &second,
        &request(ImportKind::Companies, DuplicatePolicy::Skip),
    )
    .await
    .unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some("map"),
        "Olena has no such mapping: no name column"
    );
}

pub async fn import_of_deals_brings_their_company_and_contact(ctx: Ctx) {
    let dah = ctx.company("Дах", "+380671112233").await;
    let dir = tempfile::tempdir().unwrap();
    let path = csv(
        &dir,
        "deals.csv",
        "Угода;Компанія;Місто;Сума;Контакт;Телефон контакту;Етап
Покрівля;Дах;Львів;150 000,50;Іван Дах;0679990011;
Фасад;Нова;Київ;2000;;;
Фасад;Нова;Київ;3000;;;
Вікна;Третя;Одеса;;;;Немає такого
",
    );
    let report = import(
        &ctx,
        &ctx.olena,
        &path,
        &request(ImportKind::Deals, DuplicatePolicy::Skip),
    )
    .await
    .unwrap();
    let t = report.totals;
    assert_eq!((t.new, t.skipped, t.refused), (2, 1, 1), "{t:?}");
    assert_eq!((t.companies_made, t.contacts_made, t.deals_made), (1, 1, 2), "{t:?}");
    assert_eq!(report.refused[0].field.as_deref(), Some("stage"));
    let export = ctx.export().await;
    let deals = export["deals"].as_array().unwrap();
    let roof = deals.iter().find(|d| d["title"] == "Покрівля").unwrap();
    assert_eq!(
        roof["company_id"],
        serde_json::json!(dah.meta.id),
        "the existing company"
    );
    assert_eq!(roof["amount"].as_i64(), Some(15_000_050));
    assert_eq!(roof["stage_id"], serde_json::json!(ctx.stages[0].meta.id), "a new lead");
    let tasks = export["tasks"].as_array().unwrap();
    assert!(
        tasks
            .iter()
            .any(|t| t["deal_id"] == roof["id"] && t["kind"] == "contact_lead"),
        "rule 1: a new lead gets its contact task"
    );
    let contact = export["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["full_name"] == "Іван Дах")
        .cloned();
    assert_eq!(contact.unwrap()["company_id"], serde_json::json!(dah.meta.id));
    assert!(
        export["companies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "Нова"),
        "a new company comes with its deal"
    );
    assert!(
        !export["companies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "Третя"),
        "a refused deal leaves no company behind"
    );
}

pub async fn import_of_contacts_links_or_makes_their_company(ctx: Ctx) {
    let dah = ctx.company("Дах", "+380671112233").await;
    let dir = tempfile::tempdir().unwrap();
    let path = csv(
        &dir,
        "people.csv",
        "ПІБ;Телефон;Компанія;Місто;День народження
Ганна Дах;0681112233;Дах;Львів;25.12.1990
Г. Дах;068 111 22 33;;;
Марко Новий;0682223344;Нова Фірма;;46016
",
    );
    let report = import(
        &ctx,
        &ctx.head,
        &path,
        &request(ImportKind::Contacts, DuplicatePolicy::Skip),
    )
    .await
    .unwrap();
    let t = report.totals;
    assert_eq!(
        (t.new, t.skipped, t.companies_made),
        (2, 1, 1),
        "{t:?} {:?}",
        report.refused
    );
    let export = ctx.export().await;
    let people = export["contacts"].as_array().unwrap();
    let hanna = people.iter().find(|c| c["full_name"] == "Ганна Дах").unwrap();
    assert_eq!(
        hanna["company_id"],
        serde_json::json!(dah.meta.id),
        "linked to the company of the base"
    );
    assert_eq!(hanna["birthday"], "1990-12-25");
    let marko = people.iter().find(|c| c["full_name"] == "Марко Новий").unwrap();
    assert_eq!(marko["birthday"], "2025-12-25", "an Excel serial as text");
    let firm = export["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Нова Фірма")
        .cloned();
    assert_eq!(marko["company_id"], firm.expect("made for the contact")["id"]);
}
