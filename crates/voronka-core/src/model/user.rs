use super::{Meta, fields::*, record};
use crate::types::{Email, PersonName, Phone};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Manager,
    Head,
    Admin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Uk,
    En,
    Ru,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct UserData {
    pub name: PersonName,
    pub email: Option<Email>,
    /// The number clients call: printed with the manager's name on a proposal.
    #[serde(default)]
    pub phone: Option<Phone>,
    pub role: Role,
    #[serde(with = "flag")]
    pub active: bool,
    /// An IANA zone such as "Europe/Kyiv": notifications and day boundaries follow it.
    pub time_zone: String,
    pub language: Language,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct User {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: UserData,
}
record!(User, UserData, "user");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct UserInput {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    pub time_zone: Option<String>,
    pub language: Option<Language>,
}

impl UserInput {
    /// The form of a user as they are, for a change of one or two fields.
    pub fn of(user: &UserData) -> UserInput {
        UserInput {
            name: user.name.to_string(),
            email: user.email.as_ref().map(|e| e.to_string()),
            // The "+…" form parses back to the same digits whatever the country.
            phone: user.phone.as_ref().map(|p| p.display()),
            role: Some(user.role),
            active: Some(user.active),
            time_zone: Some(user.time_zone.clone()),
            language: Some(user.language),
        }
    }

    pub fn validate(&self) -> Result<UserData> {
        let time_zone = self
            .time_zone
            .as_deref()
            .filter(|z| !z.trim().is_empty())
            .map(time_zone)
            .transpose()?
            .unwrap_or_else(|| DEFAULT_TIME_ZONE.to_string());
        Ok(UserData {
            name: PersonName::parse(&self.name)?,
            email: opt_email(self.email.as_deref(), "email")?,
            phone: opt_phone(self.phone.as_deref(), "phone")?,
            role: self.role.unwrap_or(Role::Manager),
            active: self.active.unwrap_or(true),
            time_zone,
            language: self.language.unwrap_or(Language::Uk),
        })
    }
}

/// What a person says of themself for clients and teammates to reach them: their name, email and
/// phone (Settings → General). Their role, standing, language and zone are not in it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct MyContactsInput {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// [`MyContactsInput`] validated: each refusal names its field.
#[derive(Debug, Clone, PartialEq)]
pub struct MyContacts {
    pub name: PersonName,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
}

impl MyContactsInput {
    /// The form as the user's record has it now.
    pub fn of(user: &UserData) -> MyContactsInput {
        MyContactsInput {
            name: user.name.to_string(),
            email: user.email.as_ref().map(|e| e.to_string()),
            phone: user.phone.as_ref().map(|p| p.display()),
        }
    }

    pub fn validate(&self) -> Result<MyContacts> {
        Ok(MyContacts {
            name: PersonName::parse(&self.name)?,
            email: opt_email(self.email.as_deref(), "email")?,
            phone: opt_phone(self.phone.as_deref(), "phone")?,
        })
    }
}

/// The zone of a user who has not chosen one.
pub const DEFAULT_TIME_ZONE: &str = "Europe/Kyiv";

/// An IANA zone name as chrono-tz spells it ("Europe/Kyiv"); anything else is refused on
/// `time_zone`.
pub fn time_zone(raw: &str) -> Result<String> {
    let name = raw.trim();
    match name.parse::<chrono_tz::Tz>() {
        Ok(zone) => Ok(zone.name().to_string()),
        Err(_) => Err(Error::invalid(
            "time_zone",
            format!("«{name}» is not a time zone like Europe/Kyiv"),
        )),
    }
}

/// Every zone a user may choose, by name: the IANA database chrono-tz carries.
pub fn time_zones() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
    names.sort_unstable();
    names
}

/// Rule of use: a record may be given to (owned by, assigned to) an active user only. A record
/// that already has them keeps them, so `current` — who the record names now — passes.
pub fn check_assignable(user: &User, current: Option<crate::Id>, field: &str) -> Result<()> {
    if user.data.active || current == Some(user.meta.id) {
        return Ok(());
    }
    Err(Error::invalid(
        field,
        format!("{} is no longer active and cannot be given new work", user.data.name),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_iana_names_and_others_are_refused() {
        assert_eq!(time_zone(" America/New_York ").unwrap(), "America/New_York");
        let err = time_zone("Mars/Olympus").unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (crate::ErrorCode::Invalid, Some("time_zone"))
        );
        let zones = time_zones();
        assert!(zones.contains(&"Europe/Kyiv") && zones.contains(&"UTC"));
        assert!(zones.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
    }

    #[test]
    fn own_contacts_are_refused_on_the_field_that_is_wrong() {
        let input = |email: &str, phone: &str| MyContactsInput {
            name: "Олена Коваль".into(),
            email: Some(email.into()),
            phone: Some(phone.into()),
        };
        let ok = input(" olena@firma.ua ", "+380 67 123 45 67").validate().unwrap();
        assert_eq!(ok.name.as_str(), "Олена Коваль");
        assert!(ok.phone.is_some());
        assert_eq!(input("", " ").validate().unwrap().phone, None, "blank is none");
        for (input, field) in [(input("olena", ""), "email"), (input("", "дзвоніть"), "phone")] {
            let err = input.validate().unwrap_err();
            assert_eq!(err.field.as_deref(), Some(field), "{}", err.message);
        }
        let nameless = MyContactsInput::default().validate().unwrap_err();
        assert_eq!(nameless.field.as_deref(), Some("name"));
    }
}
