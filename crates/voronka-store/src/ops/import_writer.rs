//! The write side of an import: one unit of work for the whole file. New companies and
//! contacts are written in bulk (with their audit entries and search entries) a batch at a
//! time; an update of a duplicate, and each deal with the company and contact it makes, go
//! through the store's own checked paths inside a savepoint, so a row the rules refuse leaves
//! nothing of itself behind while the rows around it stay.

use super::import_file::{DuplicatePolicy, ImportRequest, ImportTotals, Owners, RowNote, RowStatus};
use super::import_index::{CompanyIndex, ContactIndex, DealIndex};
use crate::row::Value;
use crate::tx::{Tx, json};
use crate::{Backend, Store};
use serde_json::json as object;
use std::collections::HashMap;
use voronka_core::model::*;
use voronka_core::search::{company_text, contact_text};
use voronka_core::types::Currency;
use voronka_core::{Error, ErrorCode, Id, Result, rights, rules};
use voronka_import::rows::RowRecords;
use voronka_import::{ImportKind, Mapping, ParsedRow};

/// What became of one row.
#[derive(Debug, Clone)]
pub(crate) struct RowOutcome {
    pub status: RowStatus,
    pub notes: Vec<RowNote>,
}

pub(crate) struct ImportWriter<'s> {
    tx: Tx<'s>,
    actor: Id,
    role: Role,
    kind: ImportKind,
    policy: DuplicatePolicy,
    share: Vec<Id>,
    turn: usize,
    users: Vec<User>,
    /// Lower-cased code or name → code, of the active entries.
    industries: HashMap<String, String>,
    lead_sources: HashMap<String, String>,
    /// The lead source an imported record gets when its row names none.
    imported: Option<String>,
    currency: Currency,
    pipeline: Option<(Id, Vec<Stage>)>,
    companies: CompanyIndex,
    contacts: ContactIndex,
    deals: DealIndex,
    new_companies: Vec<Company>,
    new_contacts: Vec<Contact>,
    pub totals: ImportTotals,
}

impl std::fmt::Debug for ImportWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportWriter")
            .field("totals", &self.totals)
            .finish_non_exhaustive()
    }
}

/// The savepoint each checked row runs in.
const ROW: &str = "import_row";

impl<'s> ImportWriter<'s> {
    pub(crate) async fn begin(store: &'s Store, actor: Id, request: &ImportRequest) -> Result<Self> {
        let mut tx = store.begin(Some(actor)).await?;
        let role = tx.actor_role().await?;
        let users: Vec<User> = tx
            .fetch_all(
                "SELECT * FROM users WHERE deleted_at IS NULL",
                vec![],
                <User as crate::table::Rows>::JSON,
            )
            .await?;
        let mut share = Vec::new();
        if let Owners::Share(ids) = &request.owners {
            share = voronka_core::handover::receivers(ids, None).map_err(|e| e.on("share"))?;
            for id in &share {
                let user = users
                    .iter()
                    .find(|u| u.meta.id == *id)
                    .ok_or_else(|| Error::invalid("share", format!("no user with id {id}")))?;
                check_assignable(user, None, "share")?;
                rights::check_import_owner(role, actor, *id, "share")?;
            }
        }
        let entries: Vec<DictionaryEntry> = tx
            .fetch_all(
                "SELECT * FROM dictionary_entries WHERE deleted_at IS NULL",
                vec![],
                <DictionaryEntry as crate::table::Rows>::JSON,
            )
            .await?;
        let of = |kind: DictionaryKind| -> HashMap<String, String> {
            entries
                .iter()
                .filter(|e| e.dictionary == kind && e.data.active)
                .flat_map(|e| {
                    [
                        (e.code.to_lowercase(), e.code.clone()),
                        (e.data.name.as_str().to_lowercase(), e.code.clone()),
                    ]
                })
                .collect()
        };
        let (industries, lead_sources) = (of(DictionaryKind::Industry), of(DictionaryKind::LeadSource));
        let imported = lead_sources.get("import").cloned();
        let currency = tx.default_currency().await?;
        let pipeline = if request.kind == ImportKind::Deals {
            let pipelines: Vec<Pipeline> = tx
                .fetch_all(
                    "SELECT * FROM pipelines WHERE deleted_at IS NULL ORDER BY position, id",
                    vec![],
                    <Pipeline as crate::table::Rows>::JSON,
                )
                .await?;
            let first = pipelines.into_iter().find(|p| !p.archived).ok_or_else(|| {
                Error::new(ErrorCode::InvalidState, "there is no pipeline to import deals into").on("kind")
            })?;
            let stages = tx.stages_of(first.meta.id).await?;
            Some((first.meta.id, stages))
        } else {
            None
        };
        if store.backend == Backend::Postgres {
            lock_companies(&mut tx).await?;
        }
        let companies = CompanyIndex::load(&mut tx).await?;
        let contacts = match request.kind {
            ImportKind::Companies => ContactIndex::default(),
            _ => ContactIndex::load(&mut tx).await?,
        };
        let deals = match request.kind {
            ImportKind::Deals => DealIndex::load(&mut tx).await?,
            _ => DealIndex::default(),
        };
        Ok(ImportWriter {
            tx,
            actor,
            role,
            kind: request.kind,
            policy: request.duplicates,
            share,
            turn: 0,
            users,
            industries,
            lead_sources,
            imported,
            currency,
            pipeline,
            companies,
            contacts,
            deals,
            new_companies: Vec::new(),
            new_contacts: Vec::new(),
            totals: ImportTotals::default(),
        })
    }

    /// Decides and writes (or queues) one row. Only a failure of the database itself is an
    /// error, which ends the import; a row the rules refuse is a refused outcome.
    pub(crate) async fn row(&mut self, row: &ParsedRow) -> Result<RowOutcome> {
        self.totals.rows += 1;
        let records = match &row.records {
            Ok(r) => r,
            Err(errors) => return Ok(self.refused(errors.iter().map(RowNote::from).collect())),
        };
        let decided = match self.kind {
            ImportKind::Companies => self.company_row(records).await,
            ImportKind::Contacts => self.contact_row(records).await,
            ImportKind::Deals => self.deal_row(records).await,
        };
        match decided {
            Ok(outcome) => Ok(outcome),
            Err(e) if matches!(e.code, ErrorCode::Storage | ErrorCode::Busy) => Err(e),
            Err(e) => Ok(self.refused(vec![RowNote::from(&on_import_field(e))])),
        }
    }

    fn refused(&mut self, notes: Vec<RowNote>) -> RowOutcome {
        self.totals.refused += 1;
        RowOutcome {
            status: RowStatus::Refused,
            notes,
        }
    }

    fn made(&mut self) -> RowOutcome {
        self.totals.new += 1;
        RowOutcome {
            status: RowStatus::New,
            notes: vec![],
        }
    }

    /// Who owns the records a row makes: the next of the shared managers, or the user the
    /// owner column names, or the importer.
    fn owner(&mut self, records: &RowRecords) -> Result<Id> {
        let owner = if !self.share.is_empty() {
            let id = self.share[self.turn % self.share.len()];
            self.turn += 1;
            id
        } else if let Some(text) = &records.owner {
            let wanted = text.trim().to_lowercase();
            let user = self
                .users
                .iter()
                .find(|u| u.data.email.as_ref().is_some_and(|e| e.as_str() == wanted))
                .or_else(|| {
                    self.users
                        .iter()
                        .find(|u| u.data.name.as_str().to_lowercase() == wanted)
                })
                .ok_or_else(|| Error::invalid("owner", format!("no teammate is called or has the e-mail «{text}»")))?;
            check_assignable(user, None, "owner")?;
            user.meta.id
        } else {
            self.actor
        };
        rights::check_import_owner(self.role, self.actor, owner, "owner")?;
        Ok(owner)
    }

    /// A dictionary value as the file writes it (its code or its name) → the entry's code.
    fn choice(map: &HashMap<String, String>, field: &str, value: Option<&str>) -> Result<Option<String>> {
        let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        map.get(&v.to_lowercase())
            .cloned()
            .map(Some)
            .ok_or_else(|| Error::invalid(field, format!("«{v}» is not an active entry of the {field} dictionary")))
    }

    /// The row's company as the store keeps it, owned by `owner`.
    fn company_data(&self, input: &CompanyInput, owner: Id) -> Result<CompanyData> {
        let mut input = input.clone();
        input.industry = Self::choice(&self.industries, "industry", input.industry.as_deref())?;
        input.lead_source = Self::choice(&self.lead_sources, "lead_source", input.lead_source.as_deref())?
            .or_else(|| self.imported.clone());
        input.owner_id = Some(owner);
        let mut data = input.validate(owner)?;
        if input.currency.is_none() {
            data.currency = self.currency.clone();
        }
        Ok(data)
    }

    fn duplicate(&mut self, notes: Vec<RowNote>, status: RowStatus) -> RowOutcome {
        self.totals.duplicates += 1;
        match status {
            RowStatus::Skipped => self.totals.skipped += 1,
            RowStatus::Updated => self.totals.updated += 1,
            _ => self.totals.refused += 1,
        }
        RowOutcome { status, notes }
    }

    async fn company_row(&mut self, records: &RowRecords) -> Result<RowOutcome> {
        let input = records
            .company
            .as_ref()
            .ok_or_else(|| Error::invalid("name", "the company's name is empty"))?;
        let owner = self.owner(records)?;
        let data = self.company_data(input, owner)?;
        let contact = match &records.contact {
            Some(c) => Some(c.validate(owner).map_err(on_contact_field)?),
            None => None,
        };
        let Some((existing, field)) = self.companies.find(&data) else {
            let id = self.queue_company(data);
            if let Some(mut person) = contact {
                person.company_id = Some(id);
                self.queue_contact(person);
            }
            return Ok(self.made());
        };
        let existing = existing.clone();
        let owner_name = self.user_name(existing.owner_id);
        let duplicate = rules::duplicate_company(&existing.name, &owner_name, field);
        match self.policy {
            DuplicatePolicy::Skip => {
                Ok(self.duplicate(vec![RowNote::from(&on_import_field(duplicate))], RowStatus::Skipped))
            }
            DuplicatePolicy::Refuse => {
                Ok(self.duplicate(vec![RowNote::from(&on_import_field(duplicate))], RowStatus::Refused))
            }
            DuplicatePolicy::Update => {
                self.flush().await?;
                let id = existing.id;
                let updated = {
                    let mark = self.savepoint().await?;
                    let step = async {
                        let before: Company = self.tx.get(id).await?;
                        let mut after = before.clone();
                        after.data = merge_company(&before.data, &data);
                        self.tx.update(&before, &mut after, AuditAction::Update).await?;
                        self.tx.reindex(Company::ENTITY, id).await?;
                        if let Some(mut person) = contact.clone() {
                            person.company_id = Some(id);
                            person.owner_id = before.data.owner_id;
                            let known = self.tx
                                .scalar(
                                    "SELECT COUNT(*) FROM contacts WHERE company_id = $1 AND deleted_at IS NULL AND LOWER(full_name) = LOWER($2)",
                                    vec![id.into(), person.full_name.as_str().to_string().into()],
                                )
                                .await?;
                            if known == 0 {
                                let contact = self.tx.create_from(|meta| Contact { meta, data: person }).await?;
                                self.tx.reindex(Contact::ENTITY, contact.meta.id).await?;
                                self.totals.contacts_made += 1;
                            }
                        }
                        Ok::<_, Error>(after)
                    }
 .await;
                    self.settle(mark, step).await
                }?;
                self.companies.add(id, &updated.data);
                let note = RowNote::from(&on_import_field(duplicate));
                Ok(self.duplicate(vec![note], RowStatus::Updated))
            }
        }
    }

    async fn contact_row(&mut self, records: &RowRecords) -> Result<RowOutcome> {
        let input = records
            .contact
            .as_ref()
            .ok_or_else(|| Error::invalid("contact_name", "the contact's name is empty"))?;
        let owner = self.owner(records)?;
        let mut data = input.validate(owner).map_err(on_contact_field)?;
        let company = match &records.company {
            Some(c) => Some(self.find_company(c, owner)?),
            None => None,
        };
        data.company_id = company.as_ref().and_then(|(_, found)| *found);
        let Some(existing) = self.contacts.find(&data) else {
            if let Some((company, None)) = company {
                rights::check_import_owner(self.role, self.actor, owner, "owner")?;
                data.company_id = Some(self.queue_company(company));
                self.totals.companies_made += 1;
            }
            self.queue_contact(data);
            return Ok(self.made());
        };
        // The person may be an earlier row's, still queued.
        if self.new_contacts.iter().any(|c| c.meta.id == existing) {
            self.flush().await?;
        }
        let before: Contact = self.tx.get_any(existing).await?;
        let note = RowNote {
            code: ErrorCode::Duplicate,
            field: Some("contact_name".into()),
            message: format!(
                "«{}» looks like the same person (same phone, e-mail or name at the company)",
                before.data.full_name
            ),
        };
        match self.policy {
            DuplicatePolicy::Skip => Ok(self.duplicate(vec![note], RowStatus::Skipped)),
            DuplicatePolicy::Refuse => Ok(self.duplicate(vec![note], RowStatus::Refused)),
            DuplicatePolicy::Update => {
                self.flush().await?;
                let after_data = merge_contact(&before.data, &data);
                {
                    let mark = self.savepoint().await?;
                    let step = async {
                        let mut after = before.clone();
                        after.data = after_data.clone();
                        self.tx.update(&before, &mut after, AuditAction::Update).await?;
                        self.tx.reindex(Contact::ENTITY, existing).await
                    }
                    .await;
                    self.settle(mark, step).await
                }?;
                self.contacts.add(existing, &after_data);
                Ok(self.duplicate(vec![note], RowStatus::Updated))
            }
        }
    }

    async fn deal_row(&mut self, records: &RowRecords) -> Result<RowOutcome> {
        let deal = records
            .deal
            .as_ref()
            .ok_or_else(|| Error::invalid("title", "the deal's title is empty"))?;
        let company_input = records
            .company
            .as_ref()
            .ok_or_else(|| Error::invalid("name", "a deal needs its company's name"))?;
        let owner = self.owner(records)?;
        let (pipeline_id, stages) = self
            .pipeline
            .clone()
            .ok_or_else(|| Error::storage("no pipeline chosen"))?;
        let stage_id = match &records.stage {
            None => None,
            Some(name) => Some(
                stages
                    .iter()
                    .find(|s| s.data.name.as_str().to_lowercase() == name.trim().to_lowercase())
                    .map(|s| s.meta.id)
                    .ok_or_else(|| {
                        Error::invalid(
                            "stage",
                            format!(
                                "«{name}» is not a stage of the pipeline; its stages are: {}",
                                stages
                                    .iter()
                                    .map(|s| s.data.name.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        )
                    })?,
            ),
        };
        let lead_source = Self::choice(&self.lead_sources, "lead_source", deal.lead_source.as_deref())?
            .or_else(|| self.imported.clone());
        // The deal's duplicate: an open deal of the same title at the same company.
        let (company_data, known_company) = self.find_company(company_input, owner)?;
        if let Some(existing) = known_company.and_then(|c| self.deals.find(Some(c), &deal.title)) {
            let note = RowNote {
                code: ErrorCode::Duplicate,
                field: Some("title".into()),
                message: format!("the company already has an open deal «{}»", deal.title),
            };
            return match self.policy {
                DuplicatePolicy::Skip => Ok(self.duplicate(vec![note], RowStatus::Skipped)),
                DuplicatePolicy::Refuse => Ok(self.duplicate(vec![note], RowStatus::Refused)),
                DuplicatePolicy::Update => {
                    self.flush().await?;
                    {
                        let mark = self.savepoint().await?;
                        let step = async {
                            let before: Deal = self.tx.get(existing).await?;
                            let mut after = before.clone();
                            if let Some(a) = deal.amount {
                                after.data.amount = a;
                            }
                            after.data.expected_close_date =
                                deal.expected_close_date.or(after.data.expected_close_date);
                            after.data.planned_payment_date =
                                deal.planned_payment_date.or(after.data.planned_payment_date);
                            self.tx.update(&before, &mut after, AuditAction::Update).await
                        }
                        .await;
                        self.settle(mark, step).await
                    }?;
                    Ok(self.duplicate(vec![note], RowStatus::Updated))
                }
            };
        }
        self.flush().await?;
        let contact_input = records.contact.clone();
        let amount = deal.amount.map(|minor| format!("{}.{:02}", minor / 100, minor % 100));
        let deal_row = deal.clone();
        let (made_company, made_contact, made) = {
            let mark = self.savepoint().await?;
            let step = async {
                let made_company = known_company.is_none();
                let company = match known_company {
                    Some(id) => id,
                    None => {
                        let actor = self.actor;
                        rights::check_import_owner(self.role, actor, owner, "owner")?;
                        let id = self.queue_company(company_data.clone());
                        self.flush().await?;
                        id
                    }
                };
                let mut contact_ids = vec![];
                let mut made_contact = None;
                if let Some(c) = &contact_input {
                    let mut person = c.validate(owner).map_err(on_contact_field)?;
                    person.company_id = Some(company);
                    match self.contacts.find(&person) {
                        Some(id) => contact_ids.push(id),
                        None => {
                            let contact = self
                                .tx
                                .create_from(|meta| Contact {
                                    meta,
                                    data: person.clone(),
                                })
                                .await?;
                            self.tx.reindex(Contact::ENTITY, contact.meta.id).await?;
                            contact_ids.push(contact.meta.id);
                            made_contact = Some((contact.meta.id, person));
                        }
                    }
                }
                let input = DealInput {
                    title: deal_row.title.clone(),
                    product: None,
                    company_id: Some(company),
                    contact_ids,
                    owner_id: Some(owner),
                    pipeline_id,
                    amount: amount.clone(),
                    currency: deal_row.currency.clone(),
                    win_probability: None,
                    planned_payment_date: deal_row.planned_payment_date.map(|d| d.to_string()),
                    expected_close_date: deal_row.expected_close_date.map(|d| d.to_string()),
                    sales_channel: None,
                    communication_channel: None,
                    lead_source: lead_source.clone(),
                    qualification: vec![],
                    loss_comment: None,
                };
                let actor = self.actor;
                let made = self.tx.new_deal(actor, &input, stage_id).await?;
                Ok::<_, Error>((made_company, made_contact, made))
            }
            .await;
            self.settle(mark, step).await
        }?;
        if made_company {
            self.totals.companies_made += 1;
        }
        if let Some((id, person)) = made_contact {
            self.contacts.add(id, &person);
            self.totals.contacts_made += 1;
        }
        self.deals
            .add(made.meta.id, made.data.company_id, made.data.title.as_str());
        self.totals.deals_made += 1;
        Ok(self.made())
    }

    /// The company a contact's or deal's row names, as the store would keep it, and the one
    /// the base (or an earlier row) already has by its keys or, for a row without a city, by
    /// its name.
    fn find_company(&self, input: &CompanyInput, owner: Id) -> Result<(CompanyData, Option<Id>)> {
        let data = self.company_data(input, owner)?;
        let found = self
            .companies
            .find(&data)
            .map(|(c, _)| c.id)
            .or_else(|| match input.city {
                None => self.companies.by_name(&input.name, None).map(|c| c.id),
                Some(_) => None,
            });
        Ok((data, found))
    }

    fn user_name(&self, id: Id) -> String {
        self.users
            .iter()
            .find(|u| u.meta.id == id)
            .map(|u| u.data.name.to_string())
            .unwrap_or_else(|| id.to_string())
    }

    fn queue_company(&mut self, data: CompanyData) -> Id {
        let company = Company {
            meta: Meta::new(self.tx.new_id(), self.tx.now),
            data,
        };
        let id = company.meta.id;
        self.companies.add(id, &company.data);
        self.new_companies.push(company);
        id
    }

    fn queue_contact(&mut self, data: ContactData) {
        let contact = Contact {
            meta: Meta::new(self.tx.new_id(), self.tx.now),
            data,
        };
        self.contacts.add(contact.meta.id, &contact.data);
        if self.kind == ImportKind::Companies {
            self.totals.contacts_made += 1;
        }
        self.new_contacts.push(contact);
    }

    /// Starts a row's savepoint; the mark is where the company index goes back to if the
    /// row is rolled back.
    async fn savepoint(&mut self) -> Result<usize> {
        self.tx.execute(&format!("SAVEPOINT {ROW}"), vec![]).await?;
        Ok(self.companies.len())
    }

    /// Ends a row's savepoint: a refusal rolls back what the row wrote and comes back as the
    /// row's error; a failure of the database ends the import.
    async fn settle<T>(&mut self, mark: usize, step: Result<T>) -> Result<T> {
        match step {
            Ok(v) => {
                self.tx.execute(&format!("RELEASE SAVEPOINT {ROW}"), vec![]).await?;
                Ok(v)
            }
            Err(e) => {
                self.companies.truncate(mark);
                self.tx.execute(&format!("ROLLBACK TO SAVEPOINT {ROW}"), vec![]).await?;
                self.tx.execute(&format!("RELEASE SAVEPOINT {ROW}"), vec![]).await?;
                Err(e)
            }
        }
    }

    /// Writes the queued companies and contacts: rows, audit entries, search entries. Any
    /// failure here ends the import (as `storage`): the rows of a batch were already decided.
    pub(crate) async fn flush(&mut self) -> Result<()> {
        self.write_queued().await.map_err(|e| match e.code {
            ErrorCode::Storage | ErrorCode::Busy => e,
            _ => Error::storage(format!("the import could not be written: {}", e.message)),
        })
    }

    async fn write_queued(&mut self) -> Result<()> {
        if self.new_companies.is_empty() && self.new_contacts.is_empty() {
            return Ok(());
        }
        let companies = std::mem::take(&mut self.new_companies);
        let contacts = std::mem::take(&mut self.new_contacts);
        self.tx.insert_many(&companies).await?;
        self.tx.insert_many(&contacts).await?;
        let mut audit = Vec::with_capacity(companies.len() + contacts.len());
        let mut entries = Vec::with_capacity(audit.capacity());
        for c in &companies {
            audit.push(self.entry(Company::ENTITY, c.meta.id, json(c)?));
            entries.push((Company::ENTITY, c.meta.id, company_text(c), None));
        }
        for c in &contacts {
            audit.push(self.entry(Contact::ENTITY, c.meta.id, json(c)?));
            entries.push((Contact::ENTITY, c.meta.id, contact_text(c), None));
        }
        self.tx.insert_many(&audit).await?;
        self.tx.index_many(entries).await
    }

    fn entry(&mut self, entity: &'static str, id: Id, after: serde_json::Value) -> AuditEntry {
        self.tx.changed.note(entity, id);
        AuditEntry {
            id: self.tx.new_id(),
            at: self.tx.now,
            actor_id: Some(self.actor),
            entity: entity.to_string(),
            entity_id: id,
            action: AuditAction::Create,
            before: None,
            after: Some(after),
        }
    }

    /// Ends the import: a dry run rolls everything back; a real one keeps the mapping for the
    /// next file, writes the import's audit entry with its counts, and commits.
    pub(crate) async fn finish(mut self, file: &str, mapping: &Mapping, dry_run: bool) -> Result<Option<Id>> {
        self.flush().await?;
        if dry_run {
            self.tx.tx.rollback().await.map_err(crate::error::db)?;
            return Ok(None);
        }
        let columns = serde_json::to_string(&mapping.pairs()).map_err(|e| Error::storage(e.to_string()))?;
        self.tx
            .execute(
                "INSERT INTO import_mappings (user_id, kind, mapping, saved_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (user_id, kind) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at",
                vec![
                    self.actor.into(),
                    self.kind.as_str().to_string().into(),
                    columns.into(),
                    Value::Int(self.tx.now.timestamp_millis()),
                ],
            )
            .await?;
        let id = self.tx.new_id();
        let t = self.totals;
        let counts = object!({
            "file": file, "kind": self.kind.as_str(), "rows": t.rows, "new": t.new,
            "duplicates": t.duplicates, "updated": t.updated, "skipped": t.skipped, "refused": t.refused,
            "companies_made": t.companies_made, "contacts_made": t.contacts_made, "deals_made": t.deals_made,
        });
        self.tx
            .audit("import", id, AuditAction::Create, None, Some(counts))
            .await?;
        self.tx.commit().await?;
        Ok(Some(id))
    }
}

/// On PostgreSQL, other writers of companies wait for the import (as a company form waits for
/// another's advisory lock), so nobody saves a client the import is checking against. A login
/// that may not take the lock imports without it, under the same per-key rule 6 as everyone.
async fn lock_companies(tx: &mut Tx<'_>) -> Result<()> {
    tx.execute("SAVEPOINT import_lock", vec![]).await?;
    match tx
        .execute("LOCK TABLE companies IN SHARE ROW EXCLUSIVE MODE", vec![])
        .await
    {
        Ok(_) => tx.execute("RELEASE SAVEPOINT import_lock", vec![]).await.map(|_| ()),
        Err(_) => tx
            .execute("ROLLBACK TO SAVEPOINT import_lock", vec![])
            .await
            .map(|_| ()),
    }
}

/// The existing company with the row's non-empty fields over it; its owner stays (rule 6: one
/// client, one owner).
fn merge_company(old: &CompanyData, new: &CompanyData) -> CompanyData {
    fn pick<T: Clone>(new: &Option<T>, old: &Option<T>) -> Option<T> {
        new.clone().or_else(|| old.clone())
    }
    CompanyData {
        name: old.name.clone(),
        legal_id: pick(&new.legal_id, &old.legal_id),
        industry: pick(&new.industry, &old.industry),
        city: pick(&new.city, &old.city),
        address: pick(&new.address, &old.address),
        website: pick(&new.website, &old.website),
        work_phone: pick(&new.work_phone, &old.work_phone),
        mobile_phone: pick(&new.mobile_phone, &old.mobile_phone),
        email: pick(&new.email, &old.email),
        currency: old.currency.clone(),
        monthly_turnover: pick(&new.monthly_turnover, &old.monthly_turnover),
        net_profit: old.net_profit,
        employee_count: pick(&new.employee_count, &old.employee_count),
        lead_source: old.lead_source.clone().or_else(|| new.lead_source.clone()),
        owner_id: old.owner_id,
        tags: old.tags.clone(),
        notes: pick(&new.notes, &old.notes),
        important_dates: old.important_dates.clone(),
    }
}

/// The existing contact with the row's phones and e-mails added and its other non-empty fields
/// over it; owner and company stay.
fn merge_contact(old: &ContactData, new: &ContactData) -> ContactData {
    let mut merged = old.clone();
    for p in &new.phones {
        if !merged.phones.contains(p) {
            merged.phones.push(p.clone());
        }
    }
    for e in &new.emails {
        if !merged.emails.contains(e) {
            merged.emails.push(e.clone());
        }
    }
    merged.position = new.position.clone().or(merged.position);
    merged.address = new.address.clone().or(merged.address);
    merged.birthday = new.birthday.or(merged.birthday);
    merged.notes = new.notes.clone().or(merged.notes);
    if merged.company_id.is_none() {
        merged.company_id = new.company_id;
    }
    merged
}

/// A contact's error on its field as the import names it.
fn on_contact_field(e: Error) -> Error {
    let field = contact_field(e.field.as_deref());
    e.on(field)
}

/// A contact's field as the import names it.
fn contact_field(core: Option<&str>) -> &'static str {
    match core.unwrap_or_default() {
        "position" => "position",
        "address" => "address",
        "birthday" => "birthday",
        "notes" => "notes",
        c if c.starts_with("phones") => "contact_phone",
        c if c.starts_with("emails") => "contact_email",
        _ => "contact_name",
    }
}

/// A store error with its field named as the import's mapping names it.
fn on_import_field(mut e: Error) -> Error {
    let field = match e.field.as_deref() {
        Some("work_phone") => Some("phone"),
        Some("owner_id") => Some("owner"),
        Some("stage_id") => Some("stage"),
        Some("full_name") => Some("contact_name"),
        Some("company_id") => Some("name"),
        _ => None,
    };
    if let Some(f) = field {
        e.field = Some(f.to_string());
    }
    e
}
