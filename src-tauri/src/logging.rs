//! The app's log. Standard error gets what `RUST_LOG` asks for, as it always did; a file in the
//! data folder gets the app's own steps and every warning, so that a support request can attach
//! it. The file rotates daily and the last [`LOG_FILES_KEPT`] days are kept. Every line passes
//! through [`voronka_store::redact_text`] on its way to the disk: the app itself only ever logs
//! a database by its key, but a library's error may quote a connection URL with its password.

use std::io::Write;
use std::path::{Path, PathBuf};
use tracing::Subscriber;
use tracing_appender::rolling::{RollingFileAppender, RollingWriter, Rotation};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// How many daily files the logs folder keeps.
pub const LOG_FILES_KEPT: usize = 7;
/// Files are named `voronka.YYYY-MM-DD.log` (the day in UTC).
const PREFIX: &str = "voronka";
const SUFFIX: &str = "log";
/// The app's own information (which database opened, which screen the window opened on) and
/// the warnings of everything else; never a library's debug output, which may quote SQL.
const FILE_FILTER: &str =
    "warn,voronka=info,voronka_app=info,voronka_store=info,voronka_notifier=info,voronka_demo=info";

/// Where the log files are: `logs` in Voronka's data folder.
#[derive(Debug, Clone)]
pub struct LogFiles {
    folder: Option<PathBuf>,
}

impl LogFiles {
    pub fn default_location() -> LogFiles {
        LogFiles::at(voronka_store::data_folder().ok().map(|d| d.join("logs")))
    }

    /// Files in `folder`; none are written when `None`.
    pub fn at(folder: Option<PathBuf>) -> LogFiles {
        LogFiles { folder }
    }

    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// The file being written: the newest in the folder (the names sort by day).
    pub fn current(&self) -> Option<PathBuf> {
        let entries = std::fs::read_dir(self.folder.as_ref()?).ok()?;
        entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{PREFIX}.")) && n.ends_with(&format!(".{SUFFIX}")))
            })
            .max()
    }

    /// The layer that writes the file, or `None` (said on standard error) when the folder
    /// cannot be made: the app runs on without its file.
    pub fn layer<S>(&self) -> Option<impl Layer<S> + Send + Sync + 'static>
    where
        S: Subscriber + for<'a> LookupSpan<'a>,
    {
        let folder = self.folder.as_ref()?;
        let appender = RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix(PREFIX)
            .filename_suffix(SUFFIX)
            .max_log_files(LOG_FILES_KEPT)
            .build(folder);
        match appender {
            Ok(appender) => Some(
                tracing_subscriber::fmt::layer()
                    .with_ansi(false)
                    .with_writer(Redacting(appender))
                    .with_filter(EnvFilter::new(FILE_FILTER)),
            ),
            Err(e) => {
                eprintln!("Voronka writes no log file: cannot use {}: {e}", folder.display());
                None
            }
        }
    }
}

/// Standard error as `RUST_LOG` says, and the log file.
pub fn init(files: &LogFiles) {
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(EnvFilter::from_default_env());
    tracing_subscriber::registry()
        .with(files.layer::<tracing_subscriber::Registry>())
        .with(stderr)
        .init();
}

/// The file's writer, each line redacted before it is written.
struct Redacting(RollingFileAppender);

impl<'a> MakeWriter<'a> for Redacting {
    type Writer = Redacted<RollingWriter<'a>>;

    fn make_writer(&'a self) -> Self::Writer {
        Redacted(self.0.make_writer())
    }
}

/// The formatter hands over each event as one buffer, so a URL is never split between writes.
struct Redacted<W>(W);

impl<W: Write> Write for Redacted<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(bytes);
        self.0.write_all(voronka_store::redact_text(&text).as_bytes())?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
