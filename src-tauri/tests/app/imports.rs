//! The import wizard's commands through the real handlers: only a file picked in the open
//! dialog is read, the mapping and a dry run's preview come before anything is written, the
//! import then writes what the preview counted, and the refused rows are saved only where the
//! save dialog said.

use crate::commands::{Person, app_with, invoke, started};
use crate::session::tempfile_dir;
use serde_json::{Value, json};
use voronka_testdb::{Kind, TestDb};

const FILE: &str = "Назва;Телефон;Email;Місто
Ромашка;0671110001;romashka@example.com;Київ
Дах;;;Львів
Берег;0671110003;не пошта;Одеса
";

fn names(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_is_mapped_previewed_imported_and_its_refused_rows_saved_through_the_commands() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let s = started(&db, false).await;
    let person = Person::default();
    let (_app, webview) = app_with(s, &person);
    invoke(
        &webview,
        "create_company",
        json!({"input": {"name": "Дах", "city": "Львів"}}),
    )
    .unwrap();
    let list = || {
        invoke(
            &webview,
            "list_companies",
            json!({"filter": {"sort": "name"}, "page": {"offset": 0, "limit": 50}}),
        )
        .unwrap()
    };

    let dir = tempfile_dir();
    let file = dir.join("клієнти.csv");
    std::fs::write(&file, FILE).unwrap();
    let path = file.to_str().unwrap();
    let err = invoke(&webview, "import_inspect", json!({"path": path, "kind": "companies"})).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid"), Some("path")),
        "a file the open dialog did not give is not read: {err}"
    );

    person.will_choose(Some(file.clone()));
    let chosen = invoke(
        &webview,
        "choose_import_file",
        json!({"title": "Import", "filterName": "Spreadsheets"}),
    )
    .unwrap();
    assert_eq!(chosen, path, "the dialog's answer comes back");
    let shown = invoke(&webview, "import_inspect", json!({"path": path, "kind": "companies"})).unwrap();
    assert_eq!(
        (shown["file"]["format"].as_str(), shown["file"]["delimiter"].as_str()),
        (Some("csv"), Some(";"))
    );
    let fields: Vec<&str> = shown["mapping"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(fields, ["name", "phone", "email", "city"], "suggested from the header");
    assert_eq!(shown["required"], "name");
    assert_eq!(shown["file"]["sample"].as_array().unwrap().len(), 3);

    let choices = json!({"kind": "companies", "columns": fields, "duplicates": "skip", "owners": "from_file"});
    let preview = invoke(&webview, "import_preview", json!({"path": path, "choices": choices})).unwrap();
    let totals = &preview["totals"];
    assert_eq!(
        (
            totals["new"].as_u64(),
            totals["duplicates"].as_u64(),
            totals["refused"].as_u64()
        ),
        (Some(1), Some(1), Some(1)),
        "{totals}"
    );
    let bad = preview["preview"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"] == "refused")
        .unwrap();
    assert_eq!(bad["row"], 4, "the fourth line of the file");
    assert_eq!(
        (bad["notes"][0]["code"].as_str(), bad["notes"][0]["field"].as_str()),
        (Some("invalid"), Some("email")),
        "{bad}"
    );
    assert_eq!(names(&list()), ["Дах"], "a dry run writes nothing");

    let done = invoke(
        &webview,
        "import_run",
        json!({"path": path, "choices": choices, "progress": "__CHANNEL__:1"}),
    )
    .unwrap();
    assert_eq!(
        done["totals"], preview["totals"],
        "the import does what the preview counted"
    );
    assert_eq!(names(&list()), ["Дах", "Ромашка"]);

    let saved = dir.join("відмовлені.xlsx");
    let save = |target: &std::path::Path| {
        invoke(
            &webview,
            "save_refused",
            json!({"path": target, "header": done["header"], "titles": {"row": "Рядок", "reason": "Причина"},
                "rows": done["refused"]}),
        )
    };
    let err = save(&saved).unwrap_err();
    assert_eq!(err["field"], "path", "only where the save dialog said: {err}");
    assert!(!saved.exists());
    person.will_choose(Some(saved.clone()));
    invoke(
        &webview,
        "choose_export_path",
        json!({"title": "Save", "fileName": "refused.xlsx", "filterName": "Excel"}),
    )
    .unwrap();
    save(&saved).unwrap();
    let bytes = std::fs::read(&saved).expect("the refused rows are written");
    assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
}
