//! export-json streams every table from one snapshot, in the text of the whole object's pretty
//! printing, and reports a failed write.

use crate::harness::Ctx;
use std::io::Write;
use std::sync::mpsc;
use voronka_core::ErrorCode;
use voronka_core::model::*;

fn export_text(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("the export is JSON")
}

pub async fn export_json_is_the_pretty_text_of_every_table(ctx: Ctx) {
    let input = CompanyInput {
        name: "Дах".into(),
        notes: Some("«Дах» \"покрівля\"\nдругий рядок\t\\".into()),
        ..Default::default()
    };
    ctx.store.create_company(ctx.olena_id(), &input).await.unwrap();
    let mut out = Vec::new();
    ctx.store.export_json(&mut out).await.unwrap();
    let whole = export_text(&out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        serde_json::to_string_pretty(&whole).unwrap(),
        "streamed row by row, the text is the whole object's pretty printing"
    );
    let tables = whole.as_object().unwrap();
    assert_eq!(tables.keys().next().map(String::as_str), Some("users"));
    assert_eq!(tables["users"].as_array().unwrap().len(), 4);
    assert_eq!(
        tables["deals"],
        serde_json::json!([]),
        "an empty table is an empty array"
    );
}

/// A writer that, on its first row, lets another desktop add a company and waits until it has
/// committed: the export, which has begun reading, must not show that company.
struct WriteMeanwhile {
    out: Vec<u8>,
    go: Option<mpsc::Sender<()>>,
    done: mpsc::Receiver<()>,
}

impl Write for WriteMeanwhile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.extend_from_slice(buf);
        if self.out.windows(5).any(|w| w == b"\"id\":")
            && let Some(go) = self.go.take()
        {
            go.send(()).unwrap();
            self.done.recv().unwrap();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub async fn export_json_reads_one_snapshot(ctx: Ctx) {
    ctx.company("Дах", "0671234567").await;
    let (go, started) = mpsc::channel();
    let (finished, done) = mpsc::channel();
    let url = ctx.url.clone();
    let olena = ctx.olena_id();
    // Another process, as far as the database can tell: its own runtime and connections.
    let other = std::thread::spawn(move || {
        started.recv().unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let store = voronka_store::Store::open(&url).await.unwrap();
            let input = CompanyInput {
                name: "Пізня".into(),
                city: Some("Київ".into()),
                ..Default::default()
            };
            store.create_company(olena, &input).await.unwrap();
            store.close().await;
        });
        finished.send(()).unwrap();
    });
    let mut writer = WriteMeanwhile {
        out: Vec::new(),
        go: Some(go),
        done,
    };
    ctx.store.export_json(&mut writer).await.unwrap();
    other.join().unwrap();
    let export = export_text(&writer.out);
    let names: Vec<&str> = export["companies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Дах"],
        "a company committed after the export began is not in it"
    );
    assert!(
        export["audit_log"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["entity"] != "company" || a["after"]["name"] != "Пізня"),
        "nor its audit entry"
    );
    assert_eq!(ctx.count("companies").await, 2, "the next export shows it");
}

/// Fails every write after the first `left` bytes, as a full disk does.
struct FullAfter {
    left: usize,
}

impl Write for FullAfter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::from_raw_os_error(28));
        }
        let n = buf.len().min(self.left);
        self.left -= n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub async fn export_json_reports_a_failed_write(ctx: Ctx) {
    let err = ctx.store.export_json(&mut FullAfter { left: 1_000 }).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Storage);
    assert_eq!(err.field.as_deref(), Some("out"));
    assert!(err.message.contains("cannot write the export"), "{}", err.message);
}
