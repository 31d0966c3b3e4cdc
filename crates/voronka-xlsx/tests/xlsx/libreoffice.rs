//! LibreOffice opens the file, recalculates every formula, and saves each sheet as CSV: the
//! numbers, dates and totals it shows must be the ones the report wrote. Skipped where
//! LibreOffice is not installed, except on CI (`CI=true`), which installs it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};

use crate::fixture::{self, payments};

/// Field separator `,`, quote `"`, UTF-8, from line 1, US English, raw values rather than as
/// shown, every sheet into its own file.
const CSV_FILTER: &str = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1";

/// A profile that recalculates Excel files on load instead of trusting their cached values,
/// so the totals below are LibreOffice's own arithmetic over the formulas.
const RECALCULATE_ON_LOAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#;

fn office() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["libreoffice", "soffice"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Each sheet of `xlsx` as CSV rows, by sheet name.
fn convert(office: &Path, xlsx: &Path, work: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let profile = work.join("profile");
    std::fs::create_dir_all(profile.join("user")).unwrap();
    std::fs::write(profile.join("user/registrymodifications.xcu"), RECALCULATE_ON_LOAD).unwrap();
    let out = work.join("csv");
    let mut child = Command::new(office)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", CSV_FILTER, "--outdir"])
        .arg(&out)
        .arg(xlsx)
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(240);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("LibreOffice did not finish converting in time");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "LibreOffice failed: {status}");
    let stem = xlsx.file_stem().unwrap().to_str().unwrap();
    let mut sheets: Vec<(String, Vec<Vec<String>>)> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_str().unwrap();
            let sheet = name.strip_prefix(&format!("{stem}-")).unwrap().to_owned();
            (sheet, parse_csv(&std::fs::read_to_string(&path).unwrap()))
        })
        .collect();
    sheets.sort();
    sheets
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn number(text: &str) -> f64 {
    text.parse().unwrap_or_else(|_| panic!("«{text}» is not a number"))
}

fn percent(text: &str) -> f64 {
    number(
        text.strip_suffix('%')
            .unwrap_or_else(|| panic!("«{text}» is not a percent")),
    ) / 100.0
}

fn close(got: f64, want: f64, tolerance: f64) {
    assert!((got - want).abs() <= tolerance, "{got} != {want}");
}

#[test]
fn libreoffice_reads_the_values_and_recalculates_the_same_totals() {
    let Some(office) = office() else {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "LibreOffice is required on CI: scripts/ensure-tools.sh installs it"
        );
        println!("skipped: LibreOffice (libreoffice or soffice) is not installed");
        return;
    };
    let (dir, path) = fixture::written();
    let sheets = convert(&office, &path, dir.path());
    let names: Vec<&str> = sheets.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["Воронка", "Звіт", "План_факт_ листопад", "Платежі"]);
    let sheet = |name: &str| &sheets.iter().find(|(n, _)| n == name).unwrap().1;

    let plan = sheet("Платежі");
    let ps = payments();
    assert_eq!(plan.len(), ps.len() + 2);
    assert_eq!(plan[0][2], "Сума");
    for (p, row) in ps.iter().zip(&plan[1..]) {
        assert_eq!(row[0], p.client);
        assert_eq!(NaiveDate::parse_from_str(&row[1], "%m/%d/%Y").unwrap(), p.due);
        close(number(&row[2]), p.minor as f64 / 100.0, 1e-9);
        close(percent(&row[3]), p.paid_share, 0.0005);
        match p.paid_at {
            Some(at) => assert_eq!(NaiveDateTime::parse_from_str(&row[4], "%m/%d/%Y %H:%M:%S").unwrap(), at),
            None => assert_eq!(row[4], ""),
        }
        close(number(&row[5]), p.count as f64, 0.0);
        close(number(&row[6]), p.rate, 1e-9);
    }
    let n = ps.len() as f64;
    let totals = &plan[ps.len() + 1];
    assert_eq!(totals[0], "Разом");
    close(number(&totals[1]), n, 0.0);
    close(
        number(&totals[2]),
        ps.iter().map(|p| p.minor).sum::<i64>() as f64 / 100.0,
        1e-6,
    );
    close(
        percent(&totals[3]),
        ps.iter().map(|p| p.paid_share).sum::<f64>() / n,
        0.0005,
    );
    close(number(&totals[5]), ps.iter().map(|p| p.count).sum::<i64>() as f64, 0.0);
    close(number(&totals[6]), ps.iter().map(|p| p.rate).sum::<f64>() / n, 1e-9);

    let funnel = sheet("Воронка");
    assert_eq!(funnel[4][..3], ["3", "72", "211500.5"]);

    let cover = sheet("Звіт");
    assert_eq!(cover[0][0], "Графік платежів");
    assert_eq!(cover[3][1], "11/22/2026 18:27:00");
}
