//! The store's use cases. Each validates its input in the core before it opens a transaction,
//! checks the rules inside the transaction, and commits the change with its audit entry.

mod activities;
mod check_ins;
mod choices;
mod companies;
mod deal_lines;
mod deals;
mod deleted_deals;
mod dictionaries;
mod documents;
mod gong;
mod handover;
mod import_file;
mod import_index;
mod import_inspect;
mod import_writer;
mod loss_review;
mod notifications;
mod pipelines;
mod plans;
mod process;
mod proposals;
mod queries;
mod records;
mod rotation;
mod setup;
mod tasks;
mod views;

pub use activities::TimelineOf;
pub use deal_lines::{SavedItem, paid_instant};
pub use deals::MoveDeal;
pub use dictionaries::InOrder;
pub use documents::{KeptFile, ListedDocument};
pub use gong::GONG_CHANNEL;
pub use import_file::{
    DuplicatePolicy, ImportProgress, ImportReport, ImportRequest, ImportTotals, Owners, PreviewRow, RowNote, RowStatus,
};
pub use import_inspect::ImportInspection;
pub use loss_review::ReviewClosed;
pub use notifications::{StoredNotificationSettings, TEAM_OVERDUE_COUNT_CAP, notification_queries};
pub use plans::PlansSaved;
pub use proposals::MadeProposal;
pub use queries::*;
pub use tasks::Completed;
pub use views::{BoardColumn, ManagerDay, TodayView};
