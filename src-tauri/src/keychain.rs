//! The OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows)
//! behind the core's `SecretStore` port.

use voronka_core::connection::{Secret, SecretStore};
use voronka_core::{Error, ErrorCode, Result};

const SERVICE: &str = "ua.voronka.desktop";

#[derive(Debug, Default, Clone, Copy)]
pub struct Keychain;

fn entry(key: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, key)
        .map_err(|e| Error::new(ErrorCode::Keychain, format!("the keychain is not available: {e}")))
}

impl SecretStore for Keychain {
    fn get(&self, key: &str) -> Result<Option<Secret>> {
        match entry(key)?.get_password() {
            Ok(p) => Ok(Some(Secret::new(p))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(Error::new(
                ErrorCode::Keychain,
                format!("cannot read the keychain: {e}"),
            )),
        }
    }

    fn set(&self, key: &str, secret: &Secret) -> Result<()> {
        entry(key)?
            .set_password(secret.expose())
            .map_err(|e| Error::new(ErrorCode::Keychain, format!("cannot write the keychain: {e}")))
    }

    fn delete(&self, key: &str) -> Result<()> {
        match entry(key)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(Error::new(
                ErrorCode::Keychain,
                format!("cannot clear the keychain: {e}"),
            )),
        }
    }
}
