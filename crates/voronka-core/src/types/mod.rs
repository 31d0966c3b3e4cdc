//! Validated values: each is built by `parse`, so an invalid one cannot exist past the boundary.

mod email;
mod money;
mod name;
mod phone;

pub use email::Email;
pub use money::{Currency, Money};
pub use name::{CompanyName, DealTitle, PersonName, ShortText};
pub use phone::Phone;

/// Deserialising re-validates, so a value read from anywhere obeys the same rules.
macro_rules! serde_via_parse {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                <$ty>::parse(&raw).map_err(|e| serde::de::Error::custom(e.message))
            }
        }
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use serde_via_parse;
