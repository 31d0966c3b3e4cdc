//! Companies and contacts, with rule 6: one client, one owner — a duplicate is refused with the
//! name of whoever owns the original.

use crate::Store;
use crate::row::Value;
use crate::table::Rows;
use crate::tx::Tx;
use voronka_core::model::{Company, CompanyData, CompanyInput, Contact, ContactInput, DictionaryKind, Record, User};
use voronka_core::{Id, Result, rules};

impl Store {
    pub async fn create_company(&self, actor: Id, input: &CompanyInput) -> Result<Company> {
        let mut data = input.validate(actor)?;
        let mut tx = self.begin(Some(actor)).await?;
        if super::process::blank(input.currency.as_deref()) {
            data.currency = tx.default_currency().await?;
        }
        tx.require_owner::<Company>(data.owner_id, None).await?;
        tx.check_company_choices(&data, None).await?;
        tx.refuse_duplicate_company(&data, None).await?;
        let company = tx.create_from(|meta| Company { meta, data }).await?;
        tx.reindex(Company::ENTITY, company.meta.id).await?;
        tx.commit().await?;
        Ok(company)
    }

    pub async fn update_company(&self, actor: Id, id: Id, version: i64, input: &CompanyInput) -> Result<Company> {
        let mut data = input.validate(actor)?;
        let mut tx = self.begin(Some(actor)).await?;
        if super::process::blank(input.currency.as_deref()) {
            data.currency = tx.default_currency().await?;
        }
        tx.require_owner::<Company>(data.owner_id, Some(id)).await?;
        let current: Company = tx.get_any(id).await?;
        tx.check_company_choices(&data, Some(&current.data)).await?;
        tx.refuse_duplicate_company(&data, Some(id)).await?;
        let (_, company) = tx.replace::<Company>(id, version, data).await?;
        tx.reindex(Company::ENTITY, id).await?;
        // Deals are found by their company's name and city too.
        for deal_id in tx
            .ids("SELECT id FROM deals WHERE company_id = $1 AND deleted_at IS NULL", id)
            .await?
        {
            tx.reindex("deal", deal_id).await?;
        }
        tx.commit().await?;
        Ok(company)
    }

    /// Live companies that would make `input` a duplicate: for the warning while typing.
    pub async fn company_duplicates(
        &self,
        actor: Id,
        input: &CompanyInput,
        except: Option<Id>,
    ) -> Result<Vec<Company>> {
        let data = input.validate(actor)?;
        let mut tx = self.begin_read().await?;
        let found = tx.duplicates_of(&data, except).await?;
        tx.commit().await?;
        Ok(found)
    }

    /// Live contacts that look like the person `input` describes (a shared phone or email, or
    /// the same name at the same company): for the warning while typing, never a refusal.
    pub async fn contact_duplicates(
        &self,
        actor: Id,
        input: &ContactInput,
        except: Option<Id>,
    ) -> Result<Vec<Contact>> {
        const SHOWN: usize = 5;
        let data = input.validate(actor)?;
        let mut tx = self.begin_read().await?;
        let mut candidates: Vec<Contact> = Vec::new();
        if let Some(company) = data.company_id {
            candidates = tx
                .fetch_all(
                    "SELECT * FROM contacts WHERE company_id = $1 AND deleted_at IS NULL ORDER BY id",
                    vec![company.into()],
                    Contact::JSON,
                )
                .await?;
        }
        let keys = data
            .phones
            .iter()
            .map(|p| p.as_str())
            .chain(data.emails.iter().map(|e| e.as_str()));
        for key in keys.collect::<Vec<_>>() {
            for id in tx.indexed_ids(Contact::ENTITY, key, 20).await? {
                if !candidates.iter().any(|c| c.meta.id == id) {
                    candidates.push(tx.get_any(id).await?);
                }
            }
        }
        tx.commit().await?;
        Ok(candidates
            .into_iter()
            .filter(|c| Some(c.meta.id) != except && c.meta.deleted_at.is_none())
            .filter(|c| data.same_person_as(&c.data).is_some())
            .take(SHOWN)
            .collect())
    }

    pub async fn create_contact(&self, actor: Id, input: &ContactInput) -> Result<Contact> {
        let data = input.validate(actor)?;
        let mut tx = self.begin(Some(actor)).await?;
        tx.require::<User>(data.owner_id, "owner_id").await?;
        tx.require_opt::<Company>(data.company_id, "company_id").await?;
        let contact = tx.create_from(|meta| Contact { meta, data }).await?;
        tx.reindex(Contact::ENTITY, contact.meta.id).await?;
        tx.commit().await?;
        Ok(contact)
    }

    pub async fn update_contact(&self, actor: Id, id: Id, version: i64, input: &ContactInput) -> Result<Contact> {
        let data = input.validate(actor)?;
        let mut tx = self.begin(Some(actor)).await?;
        tx.require::<User>(data.owner_id, "owner_id").await?;
        tx.require_opt::<Company>(data.company_id, "company_id").await?;
        let (_, contact) = tx.replace::<Contact>(id, version, data).await?;
        tx.reindex(Contact::ENTITY, id).await?;
        tx.commit().await?;
        Ok(contact)
    }
}

impl Tx<'_> {
    /// The company's industry and lead source: new ones must be active entries of their
    /// dictionaries; those it has may stay (an industry typed before there was a dictionary).
    async fn check_company_choices(&mut self, data: &CompanyData, current: Option<&CompanyData>) -> Result<()> {
        let was = |f: fn(&CompanyData) -> &Option<String>| current.and_then(|c| f(c).as_deref());
        self.check_choice(
            DictionaryKind::Industry,
            "industry",
            data.industry.as_deref(),
            was(|c| &c.industry),
        )
        .await?;
        self.check_choice(
            DictionaryKind::LeadSource,
            "lead_source",
            data.lead_source.as_deref(),
            was(|c| &c.lead_source),
        )
        .await
    }

    pub(crate) async fn duplicates_of(&mut self, data: &CompanyData, except: Option<Id>) -> Result<Vec<Company>> {
        let keys = data.duplicate_keys();
        let mut params: Vec<Value> = vec![keys.name_key.clone().into(), keys.city_key.clone().into()];
        let mut matches = vec!["(name_key = $1 AND city_key = $2)".to_string()];
        for phone in &keys.phones {
            params.push(phone.clone().into());
            let n = params.len();
            matches.push(format!("work_phone = ${n} OR mobile_phone = ${n}"));
        }
        for (column, value) in [("email", &keys.email), ("legal_id", &keys.legal_id)] {
            if let Some(v) = value {
                params.push(v.clone().into());
                matches.push(format!("{column} = ${}", params.len()));
            }
        }
        params.push(except.map(|id| id.to_string()).unwrap_or_default().into());
        let sql = format!(
            "SELECT * FROM companies WHERE deleted_at IS NULL AND id <> ${} AND ({}) ORDER BY created_at LIMIT 5",
            params.len(),
            matches.join(" OR ")
        );
        self.fetch_all(&sql, params, <Company as crate::table::Rows>::JSON)
            .await
    }

    /// Rule 6: refuses a company that matches a live one, naming its owner.
    pub(crate) async fn refuse_duplicate_company(&mut self, data: &CompanyData, except: Option<Id>) -> Result<()> {
        self.lock_company_keys(data).await?;
        let Some(existing) = self.duplicates_of(data, except).await?.into_iter().next() else {
            return Ok(());
        };
        let theirs = existing.data.duplicate_keys();
        let collides = |phone: &Option<voronka_core::types::Phone>| {
            phone
                .as_ref()
                .is_some_and(|p| theirs.phones.iter().any(|t| t == p.as_str()))
        };
        let field = if collides(&data.work_phone) {
            "work_phone"
        } else if collides(&data.mobile_phone) {
            "mobile_phone"
        } else if data.email.is_some() && data.email.as_ref().map(|e| e.as_str().to_string()) == theirs.email {
            "email"
        } else if data.legal_id.is_some() && data.legal_id == theirs.legal_id {
            "legal_id"
        } else {
            "name"
        };
        let owner = self.get_any::<User>(existing.data.owner_id).await?;
        Err(rules::duplicate_company(
            existing.data.name.as_str(),
            owner.data.name.as_str(),
            field,
        ))
    }

    /// Makes concurrent writers of companies that share a key take turns, so the check above
    /// and the write after it are one step: otherwise two desktops saving the same client at
    /// once each read "no duplicate" under READ COMMITTED and both write.
    ///
    /// A unique index cannot say it (a phone matches either phone column of the other, and
    /// databases that already hold duplicates must keep opening), so on PostgreSQL the unit of
    /// work takes a transaction advisory lock per key — name in city, each phone, the email and
    /// the legal id — in one order, so two writers never wait for each other in a circle. The
    /// second writer waits until the first commits, and its check then reads the first's
    /// company. SQLite needs none: a unit of work holds the database's write lock from its
    /// start (`BEGIN IMMEDIATE`).
    async fn lock_company_keys(&mut self, data: &CompanyData) -> Result<()> {
        if self.store.backend != crate::Backend::Postgres {
            return Ok(());
        }
        let keys = data.duplicate_keys();
        let mut texts = vec![format!("name\u{1f}{}\u{1f}{}", keys.name_key, keys.city_key)];
        texts.extend(keys.phones.iter().map(|p| format!("phone\u{1f}{p}")));
        texts.extend(keys.email.iter().map(|e| format!("email\u{1f}{e}")));
        texts.extend(keys.legal_id.iter().map(|l| format!("legal_id\u{1f}{l}")));
        let mut locks: Vec<i64> = texts.iter().map(|t| lock_key(t)).collect();
        locks.sort_unstable();
        locks.dedup();
        for key in locks {
            self.execute("SELECT CAST(pg_advisory_xact_lock($1) AS TEXT)", vec![Value::Int(key)])
                .await?;
        }
        Ok(())
    }

    /// Ids from a one-parameter query.
    pub(crate) async fn ids(&mut self, sql: &str, param: Id) -> Result<Vec<Id>> {
        #[derive(serde::Deserialize)]
        struct Row {
            id: Id,
        }
        let rows: Vec<Row> = self.fetch_all(sql, vec![param.into()], &[]).await?;
        Ok(rows.into_iter().map(|r| r.id).collect())
    }
}

/// A key's advisory lock number: FNV-1a of its text, the same in every program and version (a
/// rare collision only makes two unrelated saves take turns).
fn lock_key(text: &str) -> i64 {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    i64::from_ne_bytes(hash.to_ne_bytes())
}
