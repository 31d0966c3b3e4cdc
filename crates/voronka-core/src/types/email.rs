use crate::{Error, Result};

/// An email address, trimmed and lower-cased so that two spellings of one address compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "bindings", derive(specta::Type), specta(transparent))]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email> {
        let value = raw.trim().to_lowercase();
        let fail = |why: &str| {
            Err(Error::invalid(
                "email",
                format!("«{}» is not an email address: {why}", raw.trim()),
            ))
        };
        if value.is_empty() {
            return fail("it is empty");
        }
        if value.chars().count() > 254 {
            return fail("it is longer than 254 characters");
        }
        if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return fail("it contains spaces");
        }
        let Some((local, domain)) = value.split_once('@') else {
            return fail("it has no @");
        };
        if local.is_empty() || domain.contains('@') {
            return fail("it needs exactly one @ with a name before it");
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2
            || labels
                .iter()
                .any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-'))
        {
            return fail("the part after @ is not a domain");
        }
        Ok(Email(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

super::serde_via_parse!(Email);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse("  Olena.K@Dah.UA ").unwrap().as_str(), "olena.k@dah.ua");
        for bad in [
            "",
            "olena",
            "olena@",
            "@dah.ua",
            "o@dah",
            "o l@dah.ua",
            "a@b@c.ua",
            "a@.ua",
        ] {
            let err = Email::parse(bad).unwrap_err();
            assert_eq!(
                err.field.as_deref(),
                Some("email"),
                "{bad:?} must be refused on the email field"
            );
        }
    }
}
