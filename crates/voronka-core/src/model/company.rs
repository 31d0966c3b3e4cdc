use super::{ImportantDate, Meta, fields::*, opt_code, record};
use crate::types::{CompanyName, Currency, Email, Phone};
use crate::{Error, Id, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct CompanyData {
    pub name: CompanyName,
    /// ЄДРПОУ (8 digits) or РНОКПП (10 digits).
    pub legal_id: Option<String>,
    pub industry: Option<String>,
    pub city: Option<String>,
    pub address: Option<String>,
    pub website: Option<String>,
    pub work_phone: Option<Phone>,
    pub mobile_phone: Option<Phone>,
    pub email: Option<Email>,
    pub currency: Currency,
    /// Minor units of `currency`.
    pub monthly_turnover: Option<i64>,
    pub net_profit: Option<i64>,
    pub employee_count: Option<i64>,
    pub lead_source: Option<String>,
    pub owner_id: Id,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    pub important_dates: Vec<ImportantDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Company {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: CompanyData,
}
record!(Company, CompanyData, "company");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct CompanyInput {
    pub name: String,
    pub legal_id: Option<String>,
    pub industry: Option<String>,
    pub city: Option<String>,
    pub address: Option<String>,
    pub website: Option<String>,
    pub work_phone: Option<String>,
    pub mobile_phone: Option<String>,
    pub email: Option<String>,
    pub currency: Option<String>,
    pub monthly_turnover: Option<i64>,
    pub net_profit: Option<i64>,
    pub employee_count: Option<i64>,
    pub lead_source: Option<String>,
    pub owner_id: Option<Id>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub notes: Option<String>,
    #[serde(default)]
    pub important_dates: Vec<ImportantDate>,
}

impl CompanyInput {
    /// Validates every field; `default_owner` is the acting user when no owner is chosen.
    pub fn validate(&self, default_owner: Id) -> Result<CompanyData> {
        let legal_id = match opt_text(self.legal_id.as_deref(), "legal_id", 20)? {
            Some(v) => {
                let digits: String = v.chars().filter(|c| !c.is_whitespace()).collect();
                if !(digits.chars().all(|c| c.is_ascii_digit()) && (digits.len() == 8 || digits.len() == 10)) {
                    return Err(Error::invalid(
                        "legal_id",
                        format!("«{v}» is not an ЄДРПОУ (8 digits) or РНОКПП (10 digits)"),
                    ));
                }
                Some(digits)
            }
            None => None,
        };
        let currency = match self.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) => Currency::parse(c)?,
            None => Currency::uah(),
        };
        Ok(CompanyData {
            name: CompanyName::parse(&self.name)?,
            legal_id,
            industry: opt_code(self.industry.as_deref(), "industry")?,
            city: opt_text(self.city.as_deref(), "city", 100)?,
            address: opt_text(self.address.as_deref(), "address", 300)?,
            website: opt_text(self.website.as_deref(), "website", 300)?,
            work_phone: opt_phone(self.work_phone.as_deref(), "work_phone")?,
            mobile_phone: opt_phone(self.mobile_phone.as_deref(), "mobile_phone")?,
            email: opt_email(self.email.as_deref(), "email")?,
            currency,
            monthly_turnover: non_negative(self.monthly_turnover, "monthly_turnover")?,
            // Profit may be a loss: any sign.
            net_profit: self.net_profit,
            employee_count: non_negative(self.employee_count, "employee_count")?,
            lead_source: opt_code(self.lead_source.as_deref(), "lead_source")?,
            owner_id: self.owner_id.unwrap_or(default_owner),
            tags: tags(&self.tags)?,
            notes: opt_text(self.notes.as_deref(), "notes", 10_000)?,
            important_dates: important_dates(&self.important_dates)?,
        })
    }
}

impl CompanyData {
    /// The keys on which two companies are the same client (rule 6): phones, email, legal id,
    /// and the name within a city.
    pub fn duplicate_keys(&self) -> DuplicateKeys {
        DuplicateKeys {
            phones: [&self.work_phone, &self.mobile_phone]
                .into_iter()
                .flatten()
                .map(|p| p.as_str().to_string())
                .collect(),
            email: self.email.as_ref().map(|e| e.as_str().to_string()),
            legal_id: self.legal_id.clone(),
            name_key: name_key(self.name.as_str()),
            city_key: self.city.as_deref().map(name_key).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKeys {
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub legal_id: Option<String>,
    pub name_key: String,
    pub city_key: String,
}

/// A name reduced for comparison: lower case, letters and digits only, legal forms dropped, so
/// "ТОВ «Дах»" and "дах" are one name.
pub fn name_key(name: &str) -> String {
    const LEGAL_FORMS: &[&str] = &[
        "тов", "фоп", "пп", "прат", "пат", "ат", "ооо", "ип", "llc", "ltd", "inc",
    ];
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_and_quotes_do_not_make_a_new_name() {
        assert_eq!(name_key("ТОВ «Дах»"), "дах");
        assert_eq!(name_key("Дах"), name_key("тов \"ДАХ\""));
        assert_ne!(name_key("Дах Плюс"), name_key("Дах"));
    }

    #[test]
    fn fields_are_validated_by_name() {
        let owner = Id(uuid::Uuid::nil());
        let bad = |f: fn(&mut CompanyInput)| {
            let mut input = CompanyInput {
                name: "Дах".into(),
                ..Default::default()
            };
            f(&mut input);
            input.validate(owner).unwrap_err().field
        };
        assert_eq!(bad(|i| i.work_phone = Some("12".into())).as_deref(), Some("work_phone"));
        assert_eq!(
            bad(|i| i.mobile_phone = Some("x".into())).as_deref(),
            Some("mobile_phone")
        );
        assert_eq!(bad(|i| i.legal_id = Some("123".into())).as_deref(), Some("legal_id"));
        assert_eq!(bad(|i| i.employee_count = Some(-1)).as_deref(), Some("employee_count"));
        assert_eq!(bad(|i| i.name = " ".into()).as_deref(), Some("name"));
    }
}
