//! Which column fills which field: suggested from the header, then the mapping remembered from
//! the last import of the kind, then the user's own choices, in that order of strength.

use crate::fields::{Field, ImportKind};
use crate::suggest::{suggest, words};
use serde::Serialize;
use voronka_core::{Error, Result};

/// One column and the field it fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ColumnField {
    pub column: String,
    pub field: Option<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Mapping {
    pub kind: ImportKind,
    pub columns: Vec<ColumnField>,
}

impl Mapping {
    /// The mapping for a file with `headers`: suggestions, over them what was `remembered`
    /// (header → field name, an empty name for a column left out), over that the `chosen`
    /// pairs (from `--map` or the wizard). A choice naming a column the file lacks or a field
    /// the kind does not have is refused on `map`; so is a mapping without the kind's
    /// required field.
    pub fn build(
        kind: ImportKind,
        headers: &[String],
        remembered: &[(String, String)],
        chosen: &[(String, String)],
    ) -> Result<Mapping> {
        let mut mapping = Mapping::suggested(kind, headers, remembered);
        let mut fields: Vec<Option<Field>> = mapping.columns.iter().map(|c| c.field).collect();
        for (column, field) in chosen {
            let i = column_index(headers, column).ok_or_else(|| {
                Error::invalid(
                    "map",
                    format!(
                        "the file has no column «{column}»; its columns are: {}",
                        headers.join(", ")
                    ),
                )
            })?;
            assign(&mut fields, i, field_of(kind, field)?);
        }
        for (column, field) in mapping.columns.iter_mut().zip(fields) {
            column.field = field;
        }
        let required = kind.required();
        if mapping.column_of(required).is_none() {
            return Err(Error::invalid(
                "map",
                format!(
                    "no column is mapped to {} (required for {}); map one with --map \"Column={}\"",
                    required.as_str(),
                    kind.as_str(),
                    required.as_str()
                ),
            ));
        }
        Ok(mapping)
    }

    /// What a wizard shows before anyone chooses: the suggestions with what was `remembered`
    /// over them. Never refused: a file whose required column is not recognised is the
    /// person's to map.
    pub fn suggested(kind: ImportKind, headers: &[String], remembered: &[(String, String)]) -> Mapping {
        let mut fields = suggest(kind, headers);
        for (column, field) in remembered {
            if let Some(i) = column_index(headers, column)
                && let Ok(f) = field_of(kind, field)
            {
                assign(&mut fields, i, f);
            }
        }
        Mapping {
            kind,
            columns: headers
                .iter()
                .zip(fields)
                .map(|(h, f)| ColumnField {
                    column: h.clone(),
                    field: f,
                })
                .collect(),
        }
    }

    /// The column that fills `field`.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| c.field == Some(field))
    }

    /// The mapping as it is remembered: header → field name ("" for a column left out).
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.columns
            .iter()
            .map(|c| {
                (
                    c.column.clone(),
                    c.field.map(Field::as_str).unwrap_or_default().to_string(),
                )
            })
            .collect()
    }
}

fn assign(fields: &mut [Option<Field>], column: usize, field: Option<Field>) {
    if let Some(f) = field {
        for other in fields.iter_mut().filter(|o| **o == Some(f)) {
            *other = None;
        }
    }
    fields[column] = field;
}

/// A field name of `kind`; empty, `-` or `skip` leave the column out.
fn field_of(kind: ImportKind, name: &str) -> Result<Option<Field>> {
    let name = name.trim();
    if name.is_empty() || name == "-" || name == "skip" {
        return Ok(None);
    }
    match Field::parse(name) {
        Some(f) if kind.fields().contains(&f) => Ok(Some(f)),
        _ => Err(Error::invalid(
            "map",
            format!(
                "«{name}» is not a field of {}; they are: {}",
                kind.as_str(),
                kind.fields().iter().map(|f| f.as_str()).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

/// The column a choice names: its header (compared as words, so case and punctuation do not
/// matter) or its letter as a spreadsheet shows it (`A`, `B`, … `AA`).
fn column_index(headers: &[String], column: &str) -> Option<usize> {
    let wanted = words(column);
    if let Some(i) = headers.iter().position(|h| words(h) == wanted && !wanted.is_empty()) {
        return Some(i);
    }
    let letters = column.trim();
    if !letters.is_empty() && letters.len() <= 2 && letters.chars().all(|c| c.is_ascii_uppercase()) {
        let i = letters
            .chars()
            .fold(0usize, |n, c| n * 26 + (c as usize - 'A' as usize + 1))
            - 1;
        return (i < headers.len()).then_some(i);
    }
    None
}

/// `--map "Назва=name,Тел.=phone,Колір=-"` as pairs; refused on `map` when a pair has no `=`.
pub fn parse_spec(spec: &str) -> Result<Vec<(String, String)>> {
    spec.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|pair| {
            let (column, field) = pair
                .rsplit_once('=')
                .ok_or_else(|| Error::invalid("map", format!("«{}» is not column=field", pair.trim())))?;
            Ok((column.trim().to_string(), field.trim().to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn choices_override_what_was_remembered_and_suggested() {
        let h = headers(&["Клієнт", "Тел.", "Інфо"]);
        let remembered = vec![("Інфо".to_string(), "notes".to_string())];
        let m = Mapping::build(ImportKind::Companies, &h, &remembered, &[]).unwrap();
        assert_eq!(
            m.pairs(),
            vec![
                ("Клієнт".into(), "name".into()),
                ("Тел.".into(), "phone".into()),
                ("Інфо".into(), "notes".into())
            ]
        );
        let chosen = parse_spec("тел=mobile_phone, C=-").unwrap();
        let m = Mapping::build(ImportKind::Companies, &h, &remembered, &chosen).unwrap();
        assert_eq!(m.columns[1].field, Some(Field::MobilePhone));
        assert_eq!(m.columns[2].field, None, "a column chosen out by its letter");
    }

    #[test]
    fn a_suggestion_without_the_required_column_is_left_to_the_person() {
        let h = headers(&["Місто", "Колір"]);
        let m = Mapping::suggested(ImportKind::Companies, &h, &[]);
        assert_eq!(m.column_of(Field::City), Some(0));
        assert_eq!(m.column_of(Field::Name), None, "nothing guessed, nothing refused yet");
        assert!(Mapping::build(ImportKind::Companies, &h, &[], &[]).is_err());
    }

    #[test]
    fn bad_choices_and_a_missing_required_field_name_the_map() {
        let h = headers(&["Назва", "Місто"]);
        let err = Mapping::build(ImportKind::Companies, &h, &[], &parse_spec("Колір=notes").unwrap()).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("map"));
        assert!(err.message.contains("Колір"));
        let err = Mapping::build(ImportKind::Companies, &h, &[], &parse_spec("Місто=amount").unwrap()).unwrap_err();
        assert!(err.message.contains("amount"), "{}", err.message);
        let err = Mapping::build(ImportKind::Deals, &headers(&["Місто"]), &[], &[]).unwrap_err();
        assert!(err.message.contains("title"), "{}", err.message);
        assert!(parse_spec("Назва").is_err());
    }
}
