use super::{ImportantDate, Meta, fields::*, record};
use crate::types::{Email, PersonName, Phone};
use crate::{Id, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Messenger {
    /// "telegram", "viber", "whatsapp", "signal", ...
    pub kind: String,
    pub handle: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ContactData {
    pub full_name: PersonName,
    pub position: Option<String>,
    pub company_id: Option<Id>,
    pub phones: Vec<Phone>,
    pub emails: Vec<Email>,
    pub messengers: Vec<Messenger>,
    pub address: Option<String>,
    pub birthday: Option<NaiveDate>,
    pub important_dates: Vec<ImportantDate>,
    pub notes: Option<String>,
    pub owner_id: Id,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Contact {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: ContactData,
}
record!(Contact, ContactData, "contact");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct ContactInput {
    pub full_name: String,
    pub position: Option<String>,
    pub company_id: Option<Id>,
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub messengers: Vec<Messenger>,
    pub address: Option<String>,
    pub birthday: Option<String>,
    #[serde(default)]
    pub important_dates: Vec<ImportantDate>,
    pub notes: Option<String>,
    pub owner_id: Option<Id>,
}

impl ContactInput {
    pub fn validate(&self, default_owner: Id) -> Result<ContactData> {
        let messengers = self
            .messengers
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.handle.trim().is_empty())
            .map(|(i, m)| {
                let field = format!("messengers[{i}]");
                Ok(Messenger {
                    kind: opt_text(Some(&m.kind), &field, 30)?
                        .unwrap_or_else(|| "other".into())
                        .to_lowercase(),
                    handle: opt_text(Some(&m.handle), &field, 100)?.unwrap_or_default(),
                })
            })
            .collect::<Result<_>>()?;
        Ok(ContactData {
            full_name: PersonName::parse(&self.full_name).map_err(|e| e.on("full_name"))?,
            position: opt_text(self.position.as_deref(), "position", 100)?,
            company_id: self.company_id,
            phones: list(&self.phones, "phones", Phone::parse)?,
            emails: list(&self.emails, "emails", Email::parse)?,
            messengers,
            address: opt_text(self.address.as_deref(), "address", 300)?,
            birthday: opt_date(self.birthday.as_deref(), "birthday")?,
            important_dates: important_dates(&self.important_dates)?,
            notes: opt_text(self.notes.as_deref(), "notes", 10_000)?,
            owner_id: self.owner_id.unwrap_or(default_owner),
        })
    }
}

impl ContactData {
    /// What makes `other` look like the same person as this one: a shared phone, a shared
    /// email, or the same name at the same company. Only a warning: two people may share an
    /// office phone, so unlike companies (rule 6) a contact is never refused for it.
    pub fn same_person_as(&self, other: &ContactData) -> Option<&'static str> {
        if self.phones.iter().any(|p| other.phones.contains(p)) {
            Some("phones")
        } else if self.emails.iter().any(|e| other.emails.contains(e)) {
            Some("emails")
        } else if self.company_id.is_some()
            && self.company_id == other.company_id
            && self.full_name.as_str().to_lowercase() == other.full_name.as_str().to_lowercase()
        {
            Some("full_name")
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person(name: &str, company: Option<Id>, phones: &[&str], emails: &[&str]) -> ContactData {
        ContactInput {
            full_name: name.into(),
            company_id: company,
            phones: phones.iter().map(|p| p.to_string()).collect(),
            emails: emails.iter().map(|e| e.to_string()).collect(),
            ..Default::default()
        }
        .validate(Id(Uuid::nil()))
        .expect("a valid contact")
    }

    #[test]
    fn same_person_by_phone_email_or_name_at_the_company() {
        let firm = Some(Id(Uuid::from_u128(1)));
        let ivan = person("Іван Петренко", firm, &["+380 67 123 45 67"], &["ivan@dah.ua"]);
        let by_phone = person("І. Петренко", None, &["067-123-45-67"], &[]);
        let by_email = person("Петренко", None, &[], &["IVAN@dah.ua"]);
        let by_name = person("іван петренко", firm, &[], &[]);
        let namesake = person("Іван Петренко", None, &[], &[]);
        assert_eq!(
            by_phone.same_person_as(&ivan),
            Some("phones"),
            "phones compare normalised"
        );
        assert_eq!(
            by_email.same_person_as(&ivan),
            Some("emails"),
            "emails compare case-blind"
        );
        assert_eq!(
            by_name.same_person_as(&ivan),
            Some("full_name"),
            "same name at the same company"
        );
        assert_eq!(
            namesake.same_person_as(&ivan),
            None,
            "a namesake elsewhere is another person"
        );
    }
}
