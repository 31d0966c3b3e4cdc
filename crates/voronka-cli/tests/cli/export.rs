//! `export-json --out` appears whole or not at all; a failed write is an error, not a panic.

use super::{cli, ok};
use std::process::{Command, Stdio};
use voronka_testdb::{Kind, TestDb};

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_json_to_a_file_appears_whole_or_not_at_all() {
    for kind in [Kind::Sqlite, Kind::Postgres] {
        let Some(db) = TestDb::fresh(kind).await else {
            continue;
        };
        ok(&db, &["demo", "--seed", "3", "--scale", "100", "--today", "2026-05-04"]);
        let printed = ok(&db, &["export-json"]);
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("export.json");
        ok(&db, &["export-json", "--out", out.to_str().unwrap()]);
        assert_eq!(
            std::fs::read_to_string(&out).unwrap() + "\n",
            printed,
            "{kind:?}: the file holds what standard output shows"
        );
        assert!(
            printed.len() > 1 << 20,
            "the export is larger than the write limit below"
        );

        // Writes fail half-way, as on a full disk: past a file size limit of 128 KiB (dash's
        // 512-byte blocks; the signal ignored, so a write returns EFBIG).
        let cut = dir.path().join("cut.json");
        let run = Command::new("sh")
            .arg("-c")
            .arg("trap '' XFSZ; ulimit -f 256; exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_voronka-cli"))
            .args(["--db", &db.url, "export-json", "--out", cut.to_str().unwrap()])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{kind:?}: {err}");
        assert!(
            err.starts_with("error: storage [out]: cannot write the export"),
            "{kind:?}: {err}"
        );
        assert_eq!(
            files_in(dir.path()),
            ["export.json"],
            "{kind:?}: neither a cut-off file nor its part is left"
        );

        let missing = dir.path().join("gone").join("export.json");
        let run = cli(&db, &["export-json", "--out", missing.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(2), "a folder that does not exist is an error");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.starts_with("error: folder_missing [out]: "), "{err}");
        assert_eq!(files_in(dir.path()), ["export.json"]);

        #[cfg(target_os = "linux")]
        {
            let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
            let run = Command::new(env!("CARGO_BIN_EXE_voronka-cli"))
                .args(["--db", &db.url, "export-json"])
                .stdout(Stdio::from(full))
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&run.stderr);
            assert_eq!(
                run.status.code(),
                Some(2),
                "{kind:?}: a full standard output is an error: {err}"
            );
            assert!(err.contains("cannot write the export"), "{kind:?}: {err}");
        }
    }
}
