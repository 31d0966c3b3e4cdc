//! `proposal DEAL_ID`: the deal's commercial proposal, kept with the deal as the app keeps it,
//! and written to files when asked.

use anyhow::Context;
use std::path::Path;
use voronka_core::Id;
use voronka_core::model::Deal;
use voronka_store::{Identity, Store};

pub async fn run(store: &Store, deal_id: Id, pdf: Option<&Path>, xlsx: Option<&Path>) -> anyhow::Result<()> {
    // A teammate's login makes it as themself; the schema's owner or a local file as the deal's
    // manager, whose name and contacts the proposal carries anyway.
    let actor = match store.identity().await? {
        Identity::Teammate(user) => user.meta.id,
        Identity::Owner { .. } | Identity::Local => store.get::<Deal>(deal_id).await?.data.owner_id,
    };
    let made = store.make_proposal(actor, deal_id).await?;
    for (path, document) in [(pdf, &made.pdf), (xlsx, &made.xlsx)] {
        if let Some(path) = path {
            let file = store.kept_file(actor, document.meta.id).await?;
            std::fs::write(path, &file.content).with_context(|| format!("write {}", path.display()))?;
        }
    }
    println!(
        "proposal {} kept with the deal: {} ({} bytes), {} ({} bytes)",
        made.number,
        made.pdf.data.name,
        made.pdf.data.size_bytes.unwrap_or(0),
        made.xlsx.data.name,
        made.xlsx.data.size_bytes.unwrap_or(0)
    );
    Ok(())
}
