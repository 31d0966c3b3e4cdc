//! The desktop shell's session and commands on real databases: first start, switching to a
//! team PostgreSQL and back, what the start-up screen is told when a database fails, where the
//! team password may and may not go, and the rules reaching the UI through the real command
//! handlers, the import wizard's among them.
#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test, with its location")]

mod about;
mod commands;
mod imports;
mod live_changes;
mod secrets;
mod session;
mod startup;
mod team;
