//! Commercial proposals: the department's template (set-up, the admin's) and the proposal made
//! from a deal, kept with it as two documents whose bytes are in the database, so every
//! teammate who may see the deal can open them, in team mode too.

use crate::Store;
use crate::tx::Tx;
use chrono::Days;
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::rights::Action;
use voronka_core::{Error, ErrorCode, Id, Result};

/// The kind of kept file a proposal is (`document_files.kind`).
const PROPOSAL: &str = "proposal";
const PDF: &str = "application/pdf";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A proposal as made: its number and its two documents.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct MadeProposal {
    pub number: String,
    pub pdf: Document,
    pub xlsx: Document,
}

impl Store {
    /// The department's proposal template, once the admin has set it.
    pub async fn proposal_template(&self) -> Result<Option<ProposalTemplate>> {
        let mut tx = self.begin_read().await?;
        let template = tx.template().await;
        tx.commit().await?;
        template
    }

    /// Sets the template: the first time with no version, afterwards at the version read (a
    /// stale or missing one is a `conflict`). Set-up: the admin's alone.
    pub async fn save_proposal_template(
        &self,
        actor: Id,
        version: Option<i64>,
        input: &ProposalTemplateInput,
    ) -> Result<ProposalTemplate> {
        let data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        let template = match (tx.template().await?, version) {
            (None, None) => tx.create_from(|meta| ProposalTemplate { meta, data }).await?,
            (Some(current), Some(version)) => tx.replace::<ProposalTemplate>(current.meta.id, version, data).await?.1,
            _ => return Err(Error::conflict(ProposalTemplate::ENTITY)),
        };
        tx.commit().await?;
        Ok(template)
    }

    /// Makes a proposal from the deal, its company, first contact, live items (named as the
    /// catalog names them) and owner, on the department's template, and keeps its PDF and XLSX
    /// with the deal, logged on its timeline: all in one transaction.
    pub async fn make_proposal(&self, actor: Id, deal_id: Id) -> Result<MadeProposal> {
        let mut tx = self.begin(Some(actor)).await?;
        let deal: Deal = tx.require(deal_id, "deal_id").await?;
        // Refused before anything is read or drawn when the deal is not the maker's to change.
        let probe = Document {
            meta: Meta::new(deal_id, tx.now),
            data: kept(&deal, "proposal", &[])?,
            author_id: tx.actor,
        };
        tx.may(&probe, Action::Create).await?;
        let facts = tx.proposal_facts(&deal).await?;
        let files = voronka_proposal::render(&facts)?;
        let prefix = match facts.language {
            Language::En => "Proposal",
            Language::Uk | Language::Ru => "КП",
        };
        let name = format!("{prefix} {}", facts.number);
        let pdf = tx
            .keep(
                kept(&deal, &format!("{name}.pdf"), &files.pdf)?,
                PROPOSAL,
                PDF,
                &files.pdf,
            )
            .await?;
        let xlsx = tx
            .keep(
                kept(&deal, &format!("{name}.xlsx"), &files.xlsx)?,
                PROPOSAL,
                XLSX,
                &files.xlsx,
            )
            .await?;
        tx.log_document(&pdf, deal.data.company_id, &name).await?;
        tx.commit().await?;
        Ok(MadeProposal {
            number: facts.number,
            pdf,
            xlsx,
        })
    }
}

/// A proposal's file as a document of its deal.
fn kept(deal: &Deal, name: &str, content: &[u8]) -> Result<DocumentData> {
    Ok(DocumentData {
        deal_id: Some(deal.meta.id),
        company_id: None,
        name: ShortText::parse(name)?,
        path: name.to_string(),
        size_bytes: Some(content.len() as i64),
    })
}

impl Tx<'_> {
    async fn template(&mut self) -> Result<Option<ProposalTemplate>> {
        let rows: Vec<ProposalTemplate> = self
            .fetch_all(
                "SELECT * FROM proposal_templates WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1",
                vec![],
                &[],
            )
            .await?;
        Ok(rows.into_iter().next())
    }

    /// Proposals kept with the deal (its PDFs, one per proposal), for rule 4 and the numbering.
    pub(crate) async fn proposal_count(&mut self, deal_id: Id) -> Result<i64> {
        self.scalar(
            "SELECT COUNT(*) FROM document_files f JOIN documents d ON d.id = f.document_id
             WHERE f.deal_id = $1 AND f.kind = 'proposal' AND f.media_type = 'application/pdf'
             AND d.deleted_at IS NULL",
            vec![deal_id.into()],
        )
        .await
    }

    async fn proposal_facts(&mut self, deal: &Deal) -> Result<ProposalFacts> {
        let template = self.template().await?.ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidState,
                "the admin has not set the proposal template yet (Settings → Proposal template)",
            )
            .on("proposal_template")
        })?;
        let items: Vec<DealItem> = self
            .fetch_all(
                "SELECT * FROM deal_items WHERE deal_id = $1 AND deleted_at IS NULL ORDER BY created_at, id",
                vec![deal.meta.id.into()],
                &[],
            )
            .await?;
        if items.is_empty() {
            return Err(Error::new(ErrorCode::InvalidState, "a proposal needs the deal's items").on("items"));
        }
        let mut lines = Vec::with_capacity(items.len());
        for item in &items {
            let product = match item.data.product_id {
                Some(id) => Some(self.get_any::<Product>(id).await?),
                None => None,
            };
            lines.push(ProposalLine {
                name: product
                    .as_ref()
                    .map(|p| p.data.name.to_string())
                    .unwrap_or_else(|| item.data.name.to_string()),
                sku: product.as_ref().and_then(|p| p.data.sku.clone()),
                unit: product
                    .as_ref()
                    .map(|p| p.data.unit.clone())
                    .unwrap_or_else(|| "шт".into()),
                quantity: item.data.quantity,
                unit_price: item.data.unit_price,
                discount_bp: item.data.discount_bp,
                total: item.data.total(),
            });
        }
        let vat = template.data.vat();
        let totals = item_totals(&items, deal.data.currency.clone(), vat);
        let client = match deal.data.company_id {
            Some(id) => {
                let c: Company = self.get_any(id).await?;
                Some(ProposalParty {
                    name: c.data.name.to_string(),
                    detail: c.data.legal_id.clone().map(|id| format!("ЄДРПОУ {id}")),
                    address: [c.data.city.clone(), c.data.address.clone()]
                        .into_iter()
                        .flatten()
                        .reduce(|a, b| format!("{a}, {b}")),
                    phone: c.data.work_phone.as_ref().map(|p| p.display()),
                    email: c.data.email.as_ref().map(|e| e.to_string()),
                })
            }
            None => None,
        };
        let contact = match deal.data.contact_ids.first() {
            Some(id) => {
                let c: Contact = self.get_any(*id).await?;
                Some(ProposalParty {
                    name: c.data.full_name.to_string(),
                    detail: c.data.position.clone(),
                    address: None,
                    phone: c.data.phones.first().map(|p| p.display()),
                    email: c.data.emails.first().map(|e| e.to_string()),
                })
            }
            None => None,
        };
        let owner: User = self.get_any(deal.data.owner_id).await?;
        let maker: User = match self.actor {
            Some(actor) => self.get_any(actor).await?,
            None => owner.clone(),
        };
        let zone: chrono_tz::Tz = maker.data.time_zone.parse().unwrap_or(chrono_tz::Europe::Kyiv);
        let date = self.now.with_timezone(&zone).date_naive();
        let count = self.proposal_count(deal.meta.id).await?;
        Ok(ProposalFacts {
            number: format!("{}-{}", date.format("%Y%m%d"), count + 1),
            date,
            valid_until: date + Days::new(template.data.validity_days.max(0) as u64),
            deal_title: deal.data.title.to_string(),
            seller: ProposalParty {
                name: template.data.company_name.to_string(),
                detail: template.data.requisites.clone(),
                ..Default::default()
            },
            logo: template.data.logo.clone(),
            terms: template.data.terms.clone(),
            client,
            contact,
            manager: ProposalParty {
                name: owner.data.name.to_string(),
                email: owner.data.email.as_ref().map(|e| e.to_string()),
                phone: owner.data.phone.as_ref().map(|p| p.display()),
                ..Default::default()
            },
            lines,
            totals,
            vat,
            language: maker.data.language,
        })
    }
}

use voronka_core::types::ShortText;
