use std::collections::HashSet;

use chrono::NaiveDate;

/// Excel refuses longer sheet names; it counts UTF-16 units.
pub const SHEET_NAME_MAX: usize = 31;

const SHEET_NAME_FORBIDDEN: &[char] = &['[', ']', ':', '*', '?', '/', '\\'];

/// Hands out sheet names Excel accepts, unique within one workbook (Excel compares them without
/// regard to case), keeping the report's own words, Cyrillic included, as far as they fit.
#[derive(Debug, Default)]
pub struct SheetNames {
    taken: HashSet<String>,
}

impl SheetNames {
    pub fn new() -> SheetNames {
        SheetNames::default()
    }

    /// A valid name as close to `wanted` as Excel allows, and not one given out before:
    /// forbidden characters become `_`, the name is cut to 31 characters, and a repeat gets
    /// " (2)", " (3)", ... within those 31.
    pub fn claim(&mut self, wanted: &str) -> String {
        let base = valid_sheet_name(wanted);
        let mut candidate = base.clone();
        let mut n = 1;
        while self.taken.contains(&candidate.to_lowercase()) {
            n += 1;
            let suffix = format!(" ({n})");
            let room = SHEET_NAME_MAX - suffix.encode_utf16().count();
            candidate = format!("{}{suffix}", trim_sheet_name(cut_utf16(&base, room)));
        }
        self.taken.insert(candidate.to_lowercase());
        candidate
    }
}

fn valid_sheet_name(wanted: &str) -> String {
    let replaced: String = wanted
        .chars()
        .map(|c| {
            if SHEET_NAME_FORBIDDEN.contains(&c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let name = trim_sheet_name(cut_utf16(trim_sheet_name(&replaced), SHEET_NAME_MAX)).to_owned();
    // Excel keeps "History" for its change tracking and will not open a sheet so named.
    if name.is_empty() {
        "Sheet".to_owned()
    } else if name.eq_ignore_ascii_case("history") {
        format!("{name}_Sheet")
    } else {
        name
    }
}

// A name may not start or end with an apostrophe: Excel quotes sheet names with them.
fn trim_sheet_name(name: &str) -> &str {
    name.trim_matches(|c: char| c == '\'' || c.is_whitespace())
}

fn cut_utf16(text: &str, max_units: usize) -> &str {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max_units {
            return &text[..at];
        }
    }
    text
}

/// Longest report name kept in a file name, in bytes: with the date and extension it stays well
/// under the 255 bytes that Linux and macOS allow per name (Cyrillic takes two bytes a letter).
const FILE_STEM_MAX_BYTES: usize = 200;

const FILE_NAME_FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

const WINDOWS_RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹",
    "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²",
    "LPT³",
];

/// "Воронка продажів 2026-11-22.xlsx": a file name for the report made on `date` that Windows,
/// macOS and Linux all accept. Characters a file system refuses become `_`, runs of spaces one
/// space, leading dots (hidden files) and trailing dots and spaces go, a Windows device name
/// (CON, LPT1, ...) gets a leading `_`, and a very long name is cut.
pub fn safe_file_name(report: &str, date: NaiveDate) -> String {
    let replaced: String = report
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                ' '
            } else if FILE_NAME_FORBIDDEN.contains(&c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let spaced = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut stem = trim_file_stem(&spaced);
    if stem.len() > FILE_STEM_MAX_BYTES {
        let mut end = FILE_STEM_MAX_BYTES;
        while !stem.is_char_boundary(end) {
            end -= 1;
        }
        stem = trim_file_stem(&stem[..end]);
    }
    let mut stem = if stem.is_empty() { "report" } else { stem }.to_owned();
    // Windows takes "CON.txt" for the device too: the part before the first dot decides.
    let device = stem.split('.').next().unwrap_or_default().trim_end();
    if WINDOWS_RESERVED
        .iter()
        .any(|reserved| reserved.eq_ignore_ascii_case(device))
    {
        stem.insert(0, '_');
    }
    format!("{stem} {}.xlsx", date.format("%Y-%m-%d"))
}

fn trim_file_stem(stem: &str) -> &str {
    stem.trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn sheet_names_keep_cyrillic_and_lose_forbidden_characters() {
        let mut names = SheetNames::new();
        assert_eq!(names.claim("План/факт: [листопад]?"), "План_факт_ _листопад__");
        assert_eq!(names.claim("Воронка*продажів\\2026"), "Воронка_продажів_2026");
        assert_eq!(names.claim("'Угоди'"), "Угоди");
    }

    #[test]
    fn sheet_names_are_cut_to_31_characters() {
        let mut names = SheetNames::new();
        let long = "Платежі за графіком по всіх менеджерах відділу";
        let got = names.claim(long);
        assert_eq!(got.chars().count(), 31);
        assert!(long.starts_with(&got));
    }

    #[test]
    fn repeated_sheet_names_are_numbered_within_the_limit() {
        let mut names = SheetNames::new();
        assert_eq!(names.claim("Угоди"), "Угоди");
        assert_eq!(names.claim("угоди"), "угоди (2)");
        assert_eq!(names.claim("УГОДИ"), "УГОДИ (3)");
        let long = "Платежі за графіком по всіх менеджерах";
        let first = names.claim(long);
        let second = names.claim(long);
        assert_eq!(first.chars().count(), 31);
        assert_eq!(second.chars().count(), 31);
        assert!(second.ends_with(" (2)"));
        assert_ne!(first.to_lowercase(), second.to_lowercase());
    }

    #[test]
    fn empty_and_reserved_sheet_names_get_a_name() {
        let mut names = SheetNames::new();
        assert_eq!(names.claim("  "), "Sheet");
        assert_eq!(names.claim("???"), "___");
        assert_eq!(names.claim("History"), "History_Sheet");
        assert_eq!(names.claim(""), "Sheet (2)");
    }

    #[test]
    fn file_names_keep_cyrillic_and_add_the_date() {
        assert_eq!(
            safe_file_name("Воронка продажів", date()),
            "Воронка продажів 2026-11-22.xlsx"
        );
        assert_eq!(
            safe_file_name("План/факт: <Олена> \"Q4\" | a*b?", date()),
            "План_факт_ _Олена_ _Q4_ _ a_b_ 2026-11-22.xlsx"
        );
    }

    #[test]
    fn file_names_avoid_windows_devices_and_trailing_dots() {
        assert_eq!(safe_file_name("CON", date()), "_CON 2026-11-22.xlsx");
        assert_eq!(safe_file_name("lpt1.log", date()), "_lpt1.log 2026-11-22.xlsx");
        assert_eq!(safe_file_name("Nul ", date()), "_Nul 2026-11-22.xlsx");
        assert_eq!(safe_file_name("CONTRACTS", date()), "CONTRACTS 2026-11-22.xlsx");
        assert_eq!(safe_file_name("Звіт...  ", date()), "Звіт 2026-11-22.xlsx");
        assert_eq!(safe_file_name("..hidden", date()), "hidden 2026-11-22.xlsx");
        assert_eq!(safe_file_name(" \t\n", date()), "report 2026-11-22.xlsx");
    }

    #[test]
    fn long_file_names_are_cut_on_a_character() {
        let long = "Звіт ".repeat(100);
        let name = safe_file_name(&long, date());
        assert!(name.len() <= 255, "{} bytes", name.len());
        assert!(name.starts_with("Звіт Звіт"));
        assert!(name.ends_with(" 2026-11-22.xlsx"));
        assert!(name.len() > 200);
    }
}
