//! A team database connection and the port that keeps its password out of files and logs.

use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsMode {
    /// No encryption.
    Disable,
    /// Encrypted when the server offers it, unencrypted otherwise.
    Prefer,
    /// Always encrypted, but any certificate is accepted: no protection from a server that
    /// pretends to be the team's.
    Require,
    /// Always encrypted, and the server's certificate must be signed by a trusted authority
    /// (the system's, or the root certificate given) for the host name connected to.
    VerifyFull,
}

impl TlsMode {
    /// Every mode, in the order the Team database form lists them.
    pub const ALL: [TlsMode; 4] = [TlsMode::Disable, TlsMode::Prefer, TlsMode::Require, TlsMode::VerifyFull];

    /// PostgreSQL's name of the mode (`sslmode=`).
    pub fn sslmode(self) -> &'static str {
        match self {
            TlsMode::Disable => "disable",
            TlsMode::Prefer => "prefer",
            TlsMode::Require => "require",
            TlsMode::VerifyFull => "verify-full",
        }
    }
}

/// Where a team's PostgreSQL is and who connects; the password lives in a [`SecretStore`].
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamConnection {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    pub tls_mode: TlsMode,
    /// The root certificate (a PEM file) that signs the server's, for `verify-full` when it is
    /// not one the system trusts; `None` uses the system's authorities.
    #[serde(default)]
    pub root_cert: Option<String>,
}

impl TeamConnection {
    pub fn validate(&self) -> Result<()> {
        let host = self.host.trim();
        if host.is_empty() || host.chars().any(|c| c.is_whitespace() || "/?#@".contains(c)) {
            return Err(Error::invalid(
                "host",
                "enter a host name or address such as db.example.com",
            ));
        }
        if self.port == 0 {
            return Err(Error::invalid("port", "the port must be between 1 and 65535"));
        }
        if self.database.trim().is_empty() {
            return Err(Error::invalid("database", "enter the database name"));
        }
        if self.user.trim().is_empty() {
            return Err(Error::invalid("user", "enter the user name"));
        }
        if let Some(cert) = self.root_cert() {
            if self.tls_mode != TlsMode::VerifyFull {
                return Err(Error::invalid(
                    "root_cert",
                    "a root certificate is only checked with TLS «verify-full»",
                ));
            }
            if !std::path::Path::new(cert).is_absolute() {
                return Err(Error::invalid(
                    "root_cert",
                    "enter the full path of the root certificate file",
                ));
            }
        }
        Ok(())
    }

    /// The root certificate's path, if one is given (blank counts as none).
    pub fn root_cert(&self) -> Option<&str> {
        self.root_cert.as_deref().map(str::trim).filter(|c| !c.is_empty())
    }

    /// The connection URL with the password, for the driver only: never log or store it.
    pub fn url(&self, password: &Secret) -> String {
        let mut url = format!(
            "postgres://{}:{}@{}:{}/{}?sslmode={}",
            encode(self.user.trim()),
            encode(password.expose()),
            self.host.trim(),
            self.port,
            encode(self.database.trim()),
            self.tls_mode.sslmode()
        );
        if let Some(cert) = self.root_cert().filter(|_| self.tls_mode == TlsMode::VerifyFull) {
            url.push_str("&sslrootcert=");
            url.push_str(&encode(cert));
        }
        url
    }

    /// The key of this connection's password in the OS keychain.
    pub fn secret_key(&self) -> String {
        format!(
            "{}@{}:{}/{}",
            self.user.trim(),
            self.host.trim(),
            self.port,
            self.database.trim()
        )
    }
}

/// Percent-encodes everything but unreserved URL characters.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// A secret string that never shows itself in `Debug` or `Display`.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value, for the one place that must hand it on.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The OS keychain, behind a port so tests can use memory instead.
pub trait SecretStore: Send + Sync + fmt::Debug {
    fn get(&self, key: &str) -> Result<Option<Secret>>;
    fn set(&self, key: &str, secret: &Secret) -> Result<()>;
    fn delete(&self, key: &str) -> Result<()>;
}

/// Secrets kept in memory: for tests and for machines without a keychain service.
#[derive(Debug, Default)]
pub struct MemorySecrets(Mutex<HashMap<String, Secret>>);

impl SecretStore for MemorySecrets {
    fn get(&self, key: &str) -> Result<Option<Secret>> {
        Ok(self.0.lock().unwrap_or_else(|e| e.into_inner()).get(key).cloned())
    }

    fn set(&self, key: &str, secret: &Secret) -> Result<()> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.to_string(), secret.clone());
        Ok(())
    }

    fn delete(&self, key: &str) -> Result<()> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
        Ok(())
    }
}

/// The shortest password a teammate may choose for their own login (in characters): the store
/// refuses a shorter one, and the UI says so before asking.
pub const MIN_PASSWORD_CHARS: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> TeamConnection {
        TeamConnection {
            host: "db.voronka.ua".into(),
            port: 5432,
            database: "crm".into(),
            user: "olena".into(),
            tls_mode: TlsMode::Require,
            root_cert: None,
        }
    }

    #[test]
    fn each_tls_mode_reaches_the_url_by_its_postgres_name() {
        let url = |tls_mode, root_cert: Option<&str>| {
            TeamConnection {
                tls_mode,
                root_cert: root_cert.map(Into::into),
                ..team()
            }
            .url(&Secret::new("pw"))
        };
        let base = "postgres://olena:pw@db.voronka.ua:5432/crm?sslmode=";
        assert_eq!(url(TlsMode::Disable, None), format!("{base}disable"));
        assert_eq!(url(TlsMode::Prefer, None), format!("{base}prefer"));
        assert_eq!(url(TlsMode::Require, None), format!("{base}require"));
        assert_eq!(url(TlsMode::VerifyFull, None), format!("{base}verify-full"));
        assert_eq!(
            url(TlsMode::VerifyFull, Some("/etc/ssl/team root.pem")),
            format!("{base}verify-full&sslrootcert=%2Fetc%2Fssl%2Fteam%20root.pem"),
            "the root certificate's path is encoded as one parameter"
        );
        assert_eq!(
            url(TlsMode::VerifyFull, Some("  ")),
            format!("{base}verify-full"),
            "a blank certificate field is no certificate"
        );
        assert_eq!(TlsMode::ALL.len(), 4, "every mode is listed for the form");
        let names: Vec<_> = TlsMode::ALL.iter().map(|m| serde_json::to_value(m).unwrap()).collect();
        assert_eq!(names, ["disable", "prefer", "require", "verify_full"]);
    }

    #[test]
    fn a_root_certificate_goes_only_with_verify_full_and_a_full_path() {
        let with = |tls_mode, cert: &str| {
            TeamConnection {
                tls_mode,
                root_cert: Some(cert.into()),
                ..team()
            }
            .validate()
        };
        assert!(with(TlsMode::VerifyFull, "/etc/ssl/root.pem").is_ok());
        assert_eq!(
            with(TlsMode::Require, "/etc/ssl/root.pem")
                .unwrap_err()
                .field
                .as_deref(),
            Some("root_cert"),
            "«require» checks no certificate, so one given would be silently ignored"
        );
        assert_eq!(
            with(TlsMode::VerifyFull, "root.pem").unwrap_err().field.as_deref(),
            Some("root_cert")
        );
        assert!(with(TlsMode::Require, " ").is_ok(), "a blank field is no certificate");
    }

    #[test]
    fn passwords_are_encoded_into_the_url_and_hidden_everywhere_else() {
        let secret = Secret::new("p@ss:w/rd");
        assert_eq!(
            team().url(&secret),
            "postgres://olena:p%40ss%3Aw%2Frd@db.voronka.ua:5432/crm?sslmode=require"
        );
        assert!(
            !format!("{secret:?} {:?}", team()).contains("p@ss"),
            "Debug never shows the password"
        );
    }

    #[test]
    fn connection_fields_are_checked_by_name() {
        let bad = |f: fn(&mut TeamConnection)| {
            let mut c = team();
            f(&mut c);
            c.validate().unwrap_err().field
        };
        assert_eq!(bad(|c| c.host = " ".into()).as_deref(), Some("host"));
        assert_eq!(bad(|c| c.host = "evil/host".into()).as_deref(), Some("host"));
        assert_eq!(bad(|c| c.port = 0).as_deref(), Some("port"));
        assert_eq!(bad(|c| c.database = String::new()).as_deref(), Some("database"));
        assert_eq!(bad(|c| c.user = String::new()).as_deref(), Some("user"));
    }
}
