use crate::{Error, Result};

/// Text newtypes that are trimmed, have inner runs of whitespace collapsed, must not be empty
/// and have a maximum length in characters.
macro_rules! text_newtype {
    ($(#[$doc:meta])* $name:ident, $field:literal, $max:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "bindings", derive(specta::Type), specta(transparent))]
        pub struct $name(String);

        impl $name {
            pub fn parse(raw: &str) -> Result<$name> {
                clean(raw, $field, $max).map($name)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        super::serde_via_parse!($name);
    };
}

text_newtype!(
    /// A person's full name.
    PersonName, "name", 200
);
text_newtype!(
    /// A company's name as the team writes it ("ТОВ «Дах»").
    CompanyName, "name", 300
);
text_newtype!(
    /// A deal's title.
    DealTitle, "title", 300
);
text_newtype!(
    /// Any other required short text: stage, pipeline, product, loss reason names.
    ShortText, "name", 200
);

fn clean(raw: &str, field: &str, max: usize) -> Result<String> {
    let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Err(Error::invalid(field, format!("the {field} must not be empty")));
    }
    if value.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("the {field} is longer than {max} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(
            field,
            format!("the {field} contains control characters"),
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_collapsed_and_required() {
        assert_eq!(CompanyName::parse("  ТОВ   «Дах» ").unwrap().as_str(), "ТОВ «Дах»");
        assert_eq!(PersonName::parse(" \t ").unwrap_err().field.as_deref(), Some("name"));
        assert_eq!(DealTitle::parse("").unwrap_err().field.as_deref(), Some("title"));
        assert!(
            PersonName::parse(&"я".repeat(201)).is_err(),
            "201 characters exceed the limit"
        );
        assert!(
            PersonName::parse(&"я".repeat(200)).is_ok(),
            "the limit counts characters, not bytes"
        );
    }
}
