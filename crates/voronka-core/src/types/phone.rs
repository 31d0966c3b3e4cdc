use crate::{Error, Result};

/// A phone number kept as digits with the country code ("380671234567"), so that
/// "+38 (067) 123-45-67", "067 123 45 67" and "0671234567" are one number.
///
/// Numbers written without a country code are taken as Ukrainian, the home market.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "bindings", derive(specta::Type), specta(transparent))]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Phone> {
        let trimmed = raw.trim();
        let fail = |why: &str| {
            Err(Error::invalid(
                "phone",
                format!("«{trimmed}» is not a phone number: {why}"),
            ))
        };
        if trimmed.is_empty() {
            return fail("it is empty");
        }
        if let Some(bad) = trimmed
            .chars()
            .find(|c| !(c.is_ascii_digit() || " +-()./".contains(*c)))
        {
            return fail(&format!("it contains «{bad}»"));
        }
        if trimmed.chars().skip(1).any(|c| c == '+') {
            return fail("a + may only stand first");
        }
        let mut digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        if !trimmed.starts_with('+') {
            if let Some(rest) = digits.strip_prefix("00") {
                digits = rest.to_string();
            } else if digits.len() == 10 && digits.starts_with('0') {
                digits = format!("38{digits}");
            } else if digits.len() == 9 {
                digits = format!("380{digits}");
            } else if digits.len() == 11 && digits.starts_with("80") {
                digits = format!("3{digits}");
            }
        }
        if !(10..=15).contains(&digits.len()) {
            return fail("it needs 10 to 15 digits with the country code");
        }
        if digits.starts_with('0') {
            return fail("a country code cannot start with 0");
        }
        Ok(Phone(digits))
    }

    /// Digits with the country code, no plus.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A human form: "+380 67 123 45 67" for Ukrainian numbers, "+digits" for others.
    pub fn display(&self) -> String {
        let d = &self.0;
        if d.len() == 12 && d.starts_with("380") {
            format!("+380 {} {} {} {}", &d[3..5], &d[5..8], &d[8..10], &d[10..12])
        } else {
            format!("+{d}")
        }
    }
}

super::serde_via_parse!(Phone);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_ukrainian_number_match() {
        let forms = [
            "+38 (067) 123-45-67",
            "0671234567",
            "067 123 45 67",
            "+380671234567",
            "00380671234567",
            "80671234567",
            "671234567",
        ];
        for form in forms {
            assert_eq!(
                Phone::parse(form).unwrap().as_str(),
                "380671234567",
                "{form:?} is the same number"
            );
        }
        assert_eq!(Phone::parse("+380671234567").unwrap().display(), "+380 67 123 45 67");
    }

    #[test]
    fn foreign_numbers_keep_their_country_code() {
        assert_eq!(Phone::parse("+48 22 123 45 67").unwrap().as_str(), "48221234567");
    }

    #[test]
    fn junk_is_refused_on_the_phone_field() {
        for bad in ["", "12345", "067-ABC-45-67", "+38+067", "1234567890123456"] {
            let err = Phone::parse(bad).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("phone"), "{bad:?} must be refused");
        }
    }
}
