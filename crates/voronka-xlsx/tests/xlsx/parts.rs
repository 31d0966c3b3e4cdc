//! The file's XML parts, for what calamine does not tell: number formats, the frozen header,
//! the autofilter, column widths, the charts.

use std::io::Read;

use crate::fixture;

fn part(path: &std::path::Path, name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut file = zip.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    Some(text)
}

fn must(path: &std::path::Path, name: &str) -> String {
    part(path, name).unwrap_or_else(|| panic!("the file has no {name}"))
}

/// The format code of the style a cell uses.
fn cell_format(path: &std::path::Path, sheet_xml: &str, cell: &str) -> String {
    let at = sheet_xml
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let tag = &sheet_xml[at..at + sheet_xml[at..].find('>').unwrap()];
    let style: usize = attribute(tag, "s").map_or(0, |s| s.parse().unwrap());
    let styles = must(path, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    let id = attribute(xf, "numFmtId").unwrap();
    styles
        .split("<numFmt ")
        .skip(1)
        .find(|f| attribute(f, "numFmtId") == Some(id))
        .and_then(|f| attribute(f, "formatCode"))
        .map_or_else(|| format!("builtin {id}"), |code| code.replace("&quot;", "\""))
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    // Only the element the text starts with: the next `>` ends it.
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let key = format!("{name}=\"");
    let start = tag
        .match_indices(&key)
        .find(|(i, _)| *i == 0 || tag.as_bytes()[i - 1] == b' ')
        .map(|(i, _)| i + key.len())?;
    let rest = &tag[start..];
    Some(&rest[..rest.find('"')?])
}

/// Width of the 1-based column `col` from the sheet's `<cols>`.
fn column_width(sheet_xml: &str, col: u32) -> f64 {
    sheet_xml
        .split("<col ")
        .skip(1)
        .find(|c| {
            let min: u32 = attribute(c, "min").unwrap().parse().unwrap();
            let max: u32 = attribute(c, "max").unwrap().parse().unwrap();
            (min..=max).contains(&col)
        })
        .and_then(|c| attribute(c, "width"))
        .unwrap_or_else(|| panic!("column {col} has no width"))
        .parse()
        .unwrap()
}

#[test]
fn cells_carry_currency_percent_and_date_formats() {
    let (_dir, path) = fixture::written();
    let plan = must(&path, "xl/worksheets/sheet2.xml");
    assert_eq!(cell_format(&path, &plan, "B2"), "dd.mm.yyyy");
    assert_eq!(cell_format(&path, &plan, "C2"), "#,##0.00 \"₴\"");
    assert_eq!(cell_format(&path, &plan, "D2"), "0.0%");
    assert_eq!(cell_format(&path, &plan, "E2"), "dd.mm.yyyy hh:mm");
    assert_eq!(cell_format(&path, &plan, "F2"), "#,##0");
    assert_eq!(cell_format(&path, &plan, "G2"), "#,##0.000");
    // The totals keep the column's format; a count of dates is a number, not a date.
    assert_eq!(cell_format(&path, &plan, "C5"), "#,##0.00 \"₴\"");
    assert_eq!(cell_format(&path, &plan, "B5"), "#,##0");
    let funnel = must(&path, "xl/worksheets/sheet3.xml");
    assert_eq!(cell_format(&path, &funnel, "C2"), "#,##0.00 \"$\"");
}

#[test]
fn header_is_bold_frozen_and_filtered() {
    let (_dir, path) = fixture::written();
    let plan = must(&path, "xl/worksheets/sheet2.xml");
    assert!(
        plan.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#),
        "{plan}"
    );
    assert!(plan.contains(r#"<autoFilter ref="A1:G4"/>"#), "{plan}");
    let header_tag = &plan[plan.find("<c r=\"A1\"").unwrap()..];
    let style: usize = attribute(header_tag, "s").unwrap().parse().unwrap();
    let styles = must(&path, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let font: usize = attribute(xfs.split("<xf ").nth(style + 1).unwrap(), "fontId")
        .unwrap()
        .parse()
        .unwrap();
    let fonts = &styles[styles.find("<fonts").unwrap()..styles.find("</fonts>").unwrap()];
    assert!(fonts.split("<font>").nth(font + 1).unwrap().contains("<b/>"));
    // Rows are streamed, so strings are written in place rather than into a shared table.
    assert!(plan.contains(r#"t="inlineStr""#));
}

#[test]
fn columns_fit_their_contents_up_to_a_limit() {
    let (_dir, path) = fixture::written();
    let plan = must(&path, "xl/worksheets/sheet2.xml");
    let client = column_width(&plan, 1);
    let due = column_width(&plan, 2);
    let money = column_width(&plan, 3);
    // The longest client is 56 letters: the column is cut at the limit.
    assert!((60.0..62.0).contains(&client), "{client}");
    assert!((12.0..20.0).contains(&due), "{due}");
    // "120 000,00 ₴" and its bold total "121 235,55 ₴".
    assert!((13.0..22.0).contains(&money), "{money}");
}

#[test]
fn charts_are_native_and_drawn_from_the_sheet() {
    let (_dir, path) = fixture::written();
    let funnel = must(&path, "xl/charts/chart1.xml");
    assert!(funnel.contains(r#"<c:barDir val="bar"/>"#), "{funnel}");
    assert!(funnel.contains(r#"<c:orientation val="maxMin"/>"#), "{funnel}");
    assert!(funnel.contains("<c:f>Воронка!$A$2:$A$4</c:f>"), "{funnel}");
    assert!(funnel.contains("<c:f>Воронка!$B$2:$B$4</c:f>"), "{funnel}");
    assert!(funnel.contains("<c:tx><c:v>Угод</c:v></c:tx>"), "{funnel}");
    let plan_fact = must(&path, "xl/charts/chart2.xml");
    assert!(plan_fact.contains(r#"<c:barDir val="col"/>"#), "{plan_fact}");
    assert!(plan_fact.contains("<c:lineChart>"), "{plan_fact}");
    assert!(
        plan_fact.contains("<c:f>'План_факт_ листопад'!$D$2:$D$3</c:f>"),
        "{plan_fact}"
    );
    assert!(part(&path, "xl/charts/chart3.xml").is_none());
    let rels = must(&path, "xl/worksheets/_rels/sheet3.xml.rels");
    assert!(rels.contains("drawing"), "{rels}");
    assert!(part(&path, "xl/worksheets/_rels/sheet2.xml.rels").is_none());
}

#[test]
fn the_file_names_its_title_and_author() {
    let (_dir, path) = fixture::written();
    let core = must(&path, "docProps/core.xml");
    assert!(core.contains("<dc:title>Графік платежів</dc:title>"), "{core}");
    assert!(core.contains("<dc:creator>Ірина Шевчук</dc:creator>"), "{core}");
}
