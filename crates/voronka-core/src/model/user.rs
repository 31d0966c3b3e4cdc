use super::{Meta, fields::*, record};
use crate::types::{Email, PersonName};
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
    pub role: Option<Role>,
    pub active: Option<bool>,
    pub time_zone: Option<String>,
    pub language: Option<Language>,
}

impl UserInput {
    pub fn validate(&self) -> Result<UserData> {
        let time_zone = self
            .time_zone
            .as_deref()
            .map(str::trim)
            .filter(|z| !z.is_empty())
            .unwrap_or("Europe/Kyiv");
        if time_zone.parse::<chrono_tz::Tz>().is_err() {
            return Err(Error::invalid(
                "time_zone",
                format!("«{time_zone}» is not a time zone like Europe/Kyiv"),
            ));
        }
        Ok(UserData {
            name: PersonName::parse(&self.name)?,
            email: opt_email(self.email.as_deref(), "email")?,
            role: self.role.unwrap_or(Role::Manager),
            active: self.active.unwrap_or(true),
            time_zone: time_zone.to_string(),
            language: self.language.unwrap_or(Language::Uk),
        })
    }
}
