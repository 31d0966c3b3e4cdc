//! `export-list`: a whole list (companies, contacts, deals, tasks) as an XLSX workbook, in the
//! columns asked for (all of the list's by default), as the signed-in teammate may see it.

use crate::plan::acting_user;
use std::path::Path;
use voronka_core::lists::{ListColumn, ListName, columns};
use voronka_store::{ListQuery, Store};

pub async fn run(store: &Store, list: ListName, only: Option<&str>, out: &Path) -> anyhow::Result<()> {
    let actor = acting_user(store).await?;
    let keys: Vec<String> = match only {
        Some(keys) => keys
            .split(',')
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect(),
        None => columns(list).iter().map(|(key, _)| key.to_string()).collect(),
    };
    let chosen: Vec<ListColumn> = keys
        .into_iter()
        .map(|key| ListColumn {
            title: key.replace('_', " "),
            key,
        })
        .collect();
    let query = match list {
        ListName::Companies => ListQuery::Companies(Default::default()),
        ListName::Contacts => ListQuery::Contacts(Default::default()),
        ListName::Deals => ListQuery::Deals(Default::default()),
        ListName::Tasks => ListQuery::Tasks(Default::default()),
    };
    let export = store.list_export(actor.meta.id, &query, &chosen).await?;
    let made = voronka_xlsx::Authorship::by(&actor, store.clock().now());
    let target = out.to_path_buf();
    let title = list.title().to_string();
    let rows = tokio::task::spawn_blocking(move || {
        voronka_xlsx::list_workbook(export, title, Vec::new(), made).save_with_progress(&target, |_| {})
    })
    .await??;
    println!("{rows} rows written to {}", out.display());
    Ok(())
}
