//! The rules the UI shows, enforced behind the real command handlers: each call goes through
//! Tauri's IPC with JSON arguments, as the webview sends them.

use crate::session::{session, tempfile_dir};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use voronka_app::Session;
use voronka_app::dialogs::{Dialogs, FilePicker, FileRequest};
use voronka_app::logging::LogFiles;
use voronka_core::model::Language;
use voronka_testdb::{Kind, TestDb};

/// The person in the OS dialogs: answers each with the path the test gives, and remembers
/// what it was asked.
#[derive(Debug, Default, Clone)]
pub struct Person(Arc<Mutex<(Option<PathBuf>, Vec<FileRequest>)>>);

impl Person {
    pub fn will_choose(&self, path: Option<PathBuf>) {
        self.0.lock().unwrap().0 = path;
    }
    fn answer(&self, request: &FileRequest) -> Option<PathBuf> {
        let mut state = self.0.lock().unwrap();
        state.1.push(request.clone());
        state.0.clone()
    }
}

impl FilePicker for Person {
    fn save(&self, request: &FileRequest) -> Option<PathBuf> {
        self.answer(request)
    }
    fn open(&self, request: &FileRequest) -> Option<PathBuf> {
        self.answer(request)
    }
}

pub fn invoke(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(webview, request).map(|body| body.deserialize::<Value>().unwrap())
}

/// The real command handlers over `session` in one mock window, the OS dialogs answered by
/// `person`. The app is returned with its window: dropping it would close the window.
pub fn app_with(session: Session, person: &Person) -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    app_with_logs(session, person, LogFiles::at(None))
}

/// [`app_with`], its log files in `logs`.
pub fn app_with_logs(
    session: Session,
    person: &Person,
    logs: LogFiles,
) -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    let app = mock_builder()
        .invoke_handler(voronka_app::builder::<MockRuntime>().invoke_handler())
        .manage(session)
        .manage(logs)
        .manage(voronka_app::Exports::default())
        .manage(voronka_app::ImportFiles::default())
        .manage(Dialogs::new(person.clone()))
        .build(tauri::generate_context!())
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, webview)
}

/// A session over `db` started as a first start does, with or without the demo.
pub async fn started(db: &TestDb, demo: bool) -> Session {
    let s = session(db, &tempfile_dir(), Arc::default());
    s.open_at_start().await.unwrap();
    s.first_start("Олена Коваль", Language::Uk, demo, &mut |_, _| {})
        .await
        .unwrap();
    s
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rules_come_back_from_the_commands_as_coded_errors() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let s = started(&db, false).await;
    let (_app, webview) = app_with(s, &Person::default());

    let company = json!({"name": "ТОВ «Дах»", "work_phone": "+38 (067) 123-45-67", "city": "Львів"});
    let created = invoke(&webview, "create_company", json!({"input": company})).unwrap();
    let dup = invoke(
        &webview,
        "create_company",
        json!({"input": {"name": "Інша", "mobile_phone": "0671234567"}}),
    )
    .unwrap_err();
    assert_eq!(
        (dup["code"].as_str(), dup["field"].as_str()),
        (Some("duplicate"), Some("mobile_phone")),
        "rule 6 through the command: {dup}"
    );
    assert!(
        dup["message"].as_str().unwrap().contains("Олена Коваль"),
        "the refusal names the owner"
    );

    let pipelines = invoke(&webview, "list_pipelines", json!({})).unwrap();
    let pipeline_id = pipelines[0]["id"].clone();
    let stages = invoke(&webview, "list_stages", json!({"pipelineId": pipeline_id})).unwrap();
    let stage = |name: &str| stages.as_array().unwrap().iter().find(|s| s["name"] == name).unwrap()["id"].clone();
    let deal = invoke(
        &webview,
        "create_deal",
        json!({"input": {"title": "Покрівля", "pipeline_id": pipeline_id}, "stageId": null}),
    )
    .unwrap();
    let (id, version) = (deal["id"].clone(), deal["version"].clone());

    let err = invoke(
        &webview,
        "move_deal",
        json!({"id": id, "version": version, "to": {"stage_id": stage("КП надіслано")}}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "stage_requirements", "rule 4 through the command: {err}");
    let err = invoke(
        &webview,
        "move_deal",
        json!({"id": id, "version": version, "to": {"stage_id": stage("Програно")}}),
    )
    .unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("loss_reason_required"), Some("loss_reason_id")),
        "rule 5: {err}"
    );

    let tasks = invoke(
        &webview,
        "list_tasks",
        json!({"filter": {"deal_id": id}, "page": {"offset": 0, "limit": 10}}),
    )
    .unwrap();
    let task = &tasks["items"][0];
    assert_eq!(
        task["kind"], "contact_lead",
        "rule 1: the new lead has its contact task"
    );
    let err = invoke(
        &webview,
        "complete_task",
        json!({"id": task["id"], "version": task["version"], "result": "+"}),
    )
    .unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("result_not_meaningful"), Some("result")),
        "rule 3: {err}"
    );
    let err = invoke(
        &webview,
        "complete_task",
        json!({"id": task["id"], "version": task["version"], "result": "Подзвонила, домовились про замір"}),
    )
    .unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid_state"), Some("next")),
        "rule 2: the deal's last open task closes with the next one: {err}"
    );
    let next = json!({"kind": "meeting", "title": "Замір", "deal_id": id, "company_id": null,
        "contact_id": null, "assignee_id": null, "due_at": 1_900_000_000_000_i64});
    let completed = invoke(
        &webview,
        "complete_task",
        json!({"id": task["id"], "version": task["version"], "result": "Подзвонила, домовились про замір", "next": next}),
    )
    .unwrap();
    assert!(completed["done"]["done_at"].is_number());
    assert_eq!(completed["next"]["title"], "Замір", "the next task in the same command");
    let err = invoke(
        &webview,
        "update_company",
        json!({"id": created["id"], "version": 99, "input": company}),
    )
    .unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("conflict"), Some("version")),
        "a stale edit is refused: {err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_come_through_the_commands_and_export_as_a_workbook() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let s = started(&db, true).await;
    let person = Person::default();
    let (_app, webview) = app_with(s, &person);
    let today = voronka_core::Clock::now(&voronka_core::SystemClock).date_naive();
    let filter = json!({"from": today - chrono::Days::new(180), "to": today});

    let view = invoke(&webview, "report", json!({"name": "funnel", "filter": filter})).unwrap();
    assert_eq!(view["data"]["name"], "funnel", "the view says which report it holds");
    assert!(
        view["data"]["data"]["team"]["created"].as_i64().unwrap() > 0,
        "the demo's deals reach the funnel: {}",
        view["data"]["data"]["team"]
    );
    assert!(
        !view["tables"].as_array().unwrap().is_empty(),
        "the view carries its tables"
    );

    let reversed = json!({"from": today, "to": today - chrono::Days::new(1)});
    let err = invoke(&webview, "report", json!({"name": "dashboard", "filter": reversed})).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid"), Some("to")),
        "{err}"
    );

    let dir = tempfile_dir();
    let file = dir.join("Воронка.xlsx");
    person.will_choose(Some(file.clone()));
    let chosen = invoke(
        &webview,
        "choose_export_path",
        json!({"title": "Export", "fileName": "payment-plan.xlsx", "filterName": "Excel"}),
    )
    .unwrap();
    assert_eq!(chosen, file.to_str().unwrap(), "the dialog's answer comes back");
    let export = |path: &std::path::Path| {
        invoke(
            &webview,
            "export_report",
            // The UI's progress channel; a week's plan is too short to report any.
            json!({"name": "payment-plan", "filter": filter, "path": path, "progress": "__CHANNEL__:1"}),
        )
    };
    let done = export(&file).unwrap();
    assert_eq!(done["path"], file.to_str().unwrap());
    let plan = invoke(&webview, "report", json!({"name": "payment-plan", "filter": filter})).unwrap();
    let plan_rows: usize = plan["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["rows"].as_array().unwrap().len())
        .sum();
    assert_eq!(done["rows"], plan_rows, "the export tells how many rows it wrote");
    let bytes = std::fs::read(&file).expect("the workbook is written");
    assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");

    // Only where the dialog said, once per answer.
    let foreign = dir.join("elsewhere.xlsx");
    let err = export(&foreign).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid"), Some("path")),
        "a path the dialog did not give is refused: {err}"
    );
    assert!(!foreign.exists(), "and nothing is written there");
    let again = export(&file).unwrap_err();
    assert_eq!(again["field"], "path", "an answer is good for one export: {again}");
    person.will_choose(None);
    let cancelled = invoke(
        &webview,
        "choose_export_path",
        json!({"title": "Export", "fileName": "x.xlsx", "filterName": "Excel"}),
    )
    .unwrap();
    assert!(cancelled.is_null(), "a cancelled dialog chooses nothing");

    let elsewhere = invoke(&webview, "open_export", json!({"path": "/etc/passwd"})).unwrap_err();
    assert_eq!(elsewhere["code"], "not_found", "only exported files open: {elsewhere}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_start_screen_hears_why_a_database_failed_and_opens_the_one_picked() {
    let broken = TestDb::fresh(Kind::Sqlite).await.unwrap();
    // Another program's file where the database should be.
    std::fs::write(
        broken.sqlite_path().unwrap(),
        b"PK\x03\x04 a spreadsheet, not a database",
    )
    .unwrap();
    let s = session(&broken, &tempfile_dir(), Arc::default());
    s.open_at_start().await.unwrap_err();
    let person = Person::default();
    let (_app, webview) = app_with(s, &person);

    let start = invoke(&webview, "app_info", json!({})).unwrap();
    assert_eq!(start["state"], "problem", "{start}");
    assert_eq!(start["database"], broken.url.as_str());
    assert!(start["team"].is_null() && start["error"]["code"].is_string(), "{start}");
    let err = invoke(&webview, "today", json!({})).unwrap_err();
    assert_eq!(
        err["code"], "invalid_state",
        "no database stands in for the broken one: {err}"
    );

    let dialog = json!({"dialog": {"title": "Open a database", "filter_name": "Voronka database"}});
    person.will_choose(None);
    assert!(
        invoke(&webview, "open_database_file", dialog.clone())
            .unwrap()
            .is_null()
    );
    let other = TestDb::fresh(Kind::Sqlite).await.unwrap();
    person.will_choose(other.sqlite_path().map(PathBuf::from));
    let info = invoke(&webview, "open_database_file", dialog).unwrap();
    assert_eq!(info["database"], other.url.as_str());
    assert_eq!(
        info["first_start"], true,
        "a fresh file offers the first start and its demo"
    );
    let start = invoke(&webview, "app_info", json!({})).unwrap();
    assert_eq!(
        (start["state"].as_str(), start["database"].as_str()),
        (Some("ready"), Some(other.url.as_str()))
    );
    let asked = person.0.lock().unwrap().1.last().cloned().unwrap();
    assert_eq!(asked.title, "Open a database", "the dialog speaks the UI's words");
}

/// A catalog product picked onto a deal through the commands with its price and a stock
/// warning, a logo chosen in the dialog (a non-image refused on `logo`), a proposal made and
/// listed, and a payment marked paid on a chosen day.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deal_of_catalog_items_gets_its_proposal_through_the_commands() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let s = started(&db, false).await;
    let person = Person::default();
    let (_app, webview) = app_with(s, &person);

    let product =
        json!({"name": "Профнастил ПС-20", "sku": "PS20", "price": 32_000, "stock": 5.0, "lead_time_days": 7});
    let product = invoke(&webview, "create_product", json!({"input": product})).unwrap();
    let pipelines = invoke(&webview, "list_pipelines", json!({})).unwrap();
    let deal = invoke(
        &webview,
        "create_deal",
        json!({"input": {"title": "Покрівля", "pipeline_id": pipelines[0]["id"]}, "stageId": null}),
    )
    .unwrap();
    let line = json!({"deal_id": deal["id"], "product_id": product["id"], "name": null, "quantity": 10.0,
        "unit_price": null, "currency": null, "discount_bp": 500});
    let saved = invoke(&webview, "add_deal_item", json!({"input": line})).unwrap();
    assert_eq!(saved["item"]["unit_price"], 32_000, "the catalog's price: {saved}");
    assert_eq!(
        (&saved["stock"]["stock"], &saved["stock"]["lead_time_days"]),
        (&json!(5.0), &json!(7)),
        "10 of 5 in stock warns with the lead time: {saved}"
    );
    let lines = invoke(&webview, "deal_lines", json!({"dealId": deal["id"]})).unwrap();
    assert_eq!(lines["totals"]["net"], 304_000, "10 × 320 ₴ − 5 %, counted by the core");

    let dir = tempfile_dir();
    let not_an_image = dir.join("logo.png");
    std::fs::write(&not_an_image, b"<svg/>").unwrap();
    person.will_choose(Some(not_an_image));
    let err = invoke(
        &webview,
        "choose_logo",
        json!({"title": "Логотип", "filterName": "Зображення"}),
    )
    .unwrap_err();
    assert_eq!(err["field"], "logo", "{err}");
    let png = dir.join("real.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n-rest-of-it").unwrap();
    person.will_choose(Some(png));
    let logo = invoke(
        &webview,
        "choose_logo",
        json!({"title": "Логотип", "filterName": "Зображення"}),
    )
    .unwrap();
    assert!(
        logo.as_str().unwrap().starts_with("data:image/png;base64,iVBORw0KGgo"),
        "{logo}"
    );

    let err = invoke(&webview, "make_proposal", json!({"dealId": deal["id"]})).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid_state"), Some("proposal_template")),
        "{err}"
    );
    let template = json!({"company_name": "ТОВ Покрівля", "validity_days": 10});
    invoke(
        &webview,
        "save_proposal_template",
        json!({"version": null, "input": template}),
    )
    .unwrap();
    let made = invoke(&webview, "make_proposal", json!({"dealId": deal["id"]})).unwrap();
    let of = json!({"kind": "deal", "id": deal["id"]});
    let documents = invoke(&webview, "list_documents", json!({"of": of})).unwrap();
    let names: Vec<&str> = documents
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["document"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            made["pdf"]["name"].as_str().unwrap(),
            made["xlsx"]["name"].as_str().unwrap()
        ]
    );
    assert_eq!(documents[0]["kind"], "proposal");

    // A file picked in the open dialog is attached, saved where the save dialog says, and
    // deleted; an empty one is refused on `file`.
    let contract = dir.join("Договір №17.txt");
    std::fs::write(&contract, "Договір поставки").unwrap();
    person.will_choose(Some(contract));
    let dialog = |of: &Value| json!({"of": of, "title": "Прикріпити", "filterName": "Усі файли"});
    let attached = invoke(&webview, "attach_document", dialog(&of)).unwrap();
    assert_eq!(
        (attached["name"].as_str(), attached["size_bytes"].as_i64()),
        (Some("Договір №17.txt"), Some("Договір поставки".len() as i64)),
        "{attached}"
    );
    let empty = dir.join("empty.pdf");
    std::fs::write(&empty, b"").unwrap();
    person.will_choose(Some(empty));
    let err = invoke(&webview, "attach_document", dialog(&of)).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("file_empty"), Some("file")),
        "{err}"
    );
    let copy = dir.join("copy.txt");
    person.will_choose(Some(copy.clone()));
    let saved = invoke(
        &webview,
        "save_document",
        json!({"documentId": attached["id"], "title": "Зберегти", "filterName": "Документ"}),
    )
    .unwrap();
    assert_eq!(saved, copy.to_str().unwrap());
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        "Договір поставки",
        "the same bytes"
    );
    let asked = person.0.lock().unwrap().1.last().cloned().unwrap();
    assert_eq!(
        asked.file_name.as_deref(),
        Some("Договір №17.txt"),
        "suggested under its own name"
    );
    invoke(
        &webview,
        "delete_document",
        json!({"id": attached["id"], "version": attached["version"]}),
    )
    .unwrap();
    let documents = invoke(&webview, "list_documents", json!({"of": of})).unwrap();
    assert_eq!(
        documents.as_array().unwrap().len(),
        2,
        "the proposal's two files stay: {documents}"
    );

    let payment = json!({"deal_id": deal["id"], "amount": "3040", "currency": null, "planned_date": "2026-03-20",
        "invoice_number": null});
    let payment = invoke(&webview, "create_payment", json!({"input": payment})).unwrap();
    let err = invoke(
        &webview,
        "mark_payment_paid_on",
        json!({"id": payment["id"], "version": payment["version"], "paidOn": "2999-01-01"}),
    )
    .unwrap_err();
    assert_eq!(err["field"], "paid_on", "a day not yet come: {err}");
    let paid = invoke(
        &webview,
        "mark_payment_paid_on",
        json!({"id": payment["id"], "version": payment["version"], "paidOn": "2026-01-05"}),
    )
    .unwrap();
    assert_eq!(
        (paid["status"].as_str(), paid["paid_at"].as_i64()),
        (Some("paid"), Some(1_767_614_400_000)),
        "noon UTC of the day chosen"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Settings' backups: a copy taken now is listed, a restore brings it back with the session
/// open on it again, and the demo's manager may take copies but not restore one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_from_settings_comes_back_with_a_restore() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let s = started(&db, false).await;
    let (_app, webview) = app_with(s, &Person::default());
    let taken = invoke(&webview, "back_up_now", json!({})).unwrap();
    let listed = invoke(&webview, "backups", json!({})).unwrap();
    assert_eq!(
        listed["items"][0]["name"], taken["name"],
        "listed, newest first: {listed}"
    );
    assert!(listed["folder"].as_str().unwrap().ends_with("backups"));
    invoke(
        &webview,
        "create_company",
        json!({"input": {"name": "ТОВ Після копії"}}),
    )
    .unwrap();

    let info = invoke(&webview, "restore_backup", json!({"name": taken["name"]})).unwrap();
    assert_eq!(
        info["user"]["name"], "Олена Коваль",
        "signed in again after the restore"
    );
    let hits = invoke(
        &webview,
        "search",
        json!({"text": "Після копії", "page": {"offset": 0, "limit": 5}}),
    )
    .unwrap();
    assert_eq!(hits["items"].as_array().unwrap().len(), 0, "the copy's data: {hits}");
    let after = invoke(&webview, "backups", json!({})).unwrap();
    assert_eq!(
        after["items"].as_array().unwrap().len(),
        2,
        "the replaced data was kept: {after}"
    );
    let err = invoke(&webview, "restore_backup", json!({"name": "../voronka.db"})).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("not_found"), Some("backup"))
    );

    let demo = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let (_demo_app, manager) = app_with(started(&demo, true).await, &Person::default());
    let copy = invoke(&manager, "back_up_now", json!({})).unwrap();
    let err = invoke(&manager, "restore_backup", json!({"name": copy["name"]})).unwrap_err();
    assert_eq!(
        err["code"], "forbidden",
        "a manager may not replace the department's data: {err}"
    );
}
