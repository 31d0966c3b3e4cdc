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
            .filter(|z| !z.trim().is_empty())
            .map(time_zone)
            .transpose()?
            .unwrap_or_else(|| DEFAULT_TIME_ZONE.to_string());
        Ok(UserData {
            name: PersonName::parse(&self.name)?,
            email: opt_email(self.email.as_deref(), "email")?,
            role: self.role.unwrap_or(Role::Manager),
            active: self.active.unwrap_or(true),
            time_zone,
            language: self.language.unwrap_or(Language::Uk),
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
}
