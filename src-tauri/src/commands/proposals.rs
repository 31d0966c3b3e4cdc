//! Commercial proposals: the department's template (its logo picked in the shell's dialog) and
//! making a deal's proposal, kept with its documents (see `documents`).

use super::Answer;
use crate::dialogs::{Dialogs, FileRequest};
use crate::session::Session;
use tauri::State;
use voronka_core::model::{LOGO_MAX_CHARS, ProposalTemplate, ProposalTemplateInput};
use voronka_core::{Error, Id};
use voronka_store::MadeProposal;

#[tauri::command]
#[specta::specta]
pub async fn proposal_template(session: State<'_, Session>) -> Answer<Option<ProposalTemplate>> {
    Ok(session.store().await?.proposal_template().await?)
}

/// Sets the template: the first time with no version, then at the version read.
#[tauri::command]
#[specta::specta]
pub async fn save_proposal_template(
    session: State<'_, Session>,
    version: Option<i64>,
    input: ProposalTemplateInput,
) -> Answer<ProposalTemplate> {
    let (store, me) = session.actor().await?;
    Ok(store.save_proposal_template(me, version, &input).await?)
}

/// Asks for a PNG or JPEG logo and returns it as a data URL for the template form; `None` when
/// the person cancels. The window may not read files itself.
#[tauri::command]
#[specta::specta]
pub async fn choose_logo(dialogs: State<'_, Dialogs>, title: String, filter_name: String) -> Answer<Option<String>> {
    let request = FileRequest {
        title,
        file_name: None,
        filter: (filter_name, vec!["png".into(), "jpg".into(), "jpeg".into()]),
    };
    let Some(path) = dialogs.open(request).await? else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path)
        .map_err(|e| Error::invalid("logo", format!("{} could not be read: {e}", path.display())))?;
    let media = if bytes.starts_with(b"\x89PNG") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        "image/jpeg"
    } else {
        return Err(Error::invalid("logo", "the logo must be a PNG or JPEG image").into());
    };
    let url = format!("data:{media};base64,{}", base64(&bytes));
    if url.len() > LOGO_MAX_CHARS {
        return Err(Error::invalid("logo", "the logo must be smaller than 512 KB").into());
    }
    Ok(Some(url))
}

#[tauri::command]
#[specta::specta]
pub async fn make_proposal(session: State<'_, Session>, deal_id: Id) -> Answer<MadeProposal> {
    let (store, me) = session.actor().await?;
    Ok(store.make_proposal(me, deal_id).await?)
}

/// Standard base64, as a data URL wants it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_pads_as_data_urls_expect() {
        assert_eq!(super::base64(b"Ma"), "TWE=");
        assert_eq!(super::base64(b"Man"), "TWFu");
        assert_eq!(super::base64(b"M"), "TQ==");
    }
}
