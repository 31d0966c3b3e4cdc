//! The rights matrix (`voronka_core::rights`) applied to every record a unit of work writes.
//!
//! `Tx::create` and `Tx::update` ask here before they write, so no operation can forget it and
//! a refusal comes back as a `forbidden` error naming what was refused, on SQLite as on
//! PostgreSQL. In team mode row-level security holds the same rules and stays the authority;
//! what counts as "their own" here is what its policies say (migration 0017).

use crate::tx::Tx;
use voronka_core::model::*;
use voronka_core::rights::{self, Action, Scope, Subject};
use voronka_core::{Error, ErrorCode, Id, Result};

/// Whose a record is, as far as the matrix cares.
#[derive(Debug)]
pub enum Holder {
    /// Set-up records and plans: nobody's in particular.
    Nobody,
    /// Companies, contacts and deals: their owner's.
    Owner(Id),
    /// A deal's items, payments and documents: the deal owner's.
    Deal(Id),
    /// A company's documents: the company owner's.
    Company(Id),
    Task {
        assignee: Id,
        author: Id,
        deal: Option<Id>,
        /// A lost deal's review, which its owner's loss hands to the head.
        review: bool,
    },
    Activity {
        author: Id,
        deal: Option<Id>,
    },
    User {
        id: Id,
        role: Role,
        active: bool,
    },
}

/// A record kept under the rights matrix: which row of it, and whose it is.
pub trait Guarded {
    const SUBJECT: Subject;
    fn holder(&self) -> Holder;
    /// The row of the matrix `action` on this record is asked in, and the action asked there:
    /// its subject's own for most records.
    fn right(&self, action: Action) -> (Subject, Action) {
        (Self::SUBJECT, action)
    }
}

macro_rules! guarded {
    ($subject:ident: $($ty:ty),*) => {
        $(impl Guarded for $ty {
            const SUBJECT: Subject = Subject::$subject;
            fn holder(&self) -> Holder {
                Holder::Nobody
            }
        })*
    };
    ($subject:ident, $holder:ident($field:ident): $($ty:ty),*) => {
        $(impl Guarded for $ty {
            const SUBJECT: Subject = Subject::$subject;
            fn holder(&self) -> Holder {
                Holder::$holder(self.data.$field)
            }
        })*
    };
}

guarded!(Setup: Pipeline, Stage, LossReason, Product, ProposalTemplate, DictionaryEntry, ProcessSettings);
guarded!(Plan: Plan);
guarded!(Regulations: LeadRotation);
guarded!(ClientBase, Owner(owner_id): Company, Contact);
guarded!(Deal, Owner(owner_id): Deal);
guarded!(Deal, Deal(deal_id): DealItem, Payment);

/// A document follows its record (`rights::document_right`): a deal's is the deal owner's, a
/// company's the company owner's.
impl Guarded for Document {
    const SUBJECT: Subject = Subject::Deal;
    fn holder(&self) -> Holder {
        match self.data.of() {
            Some(DocumentOf::Deal(deal)) => Holder::Deal(deal),
            Some(DocumentOf::Company(company)) => Holder::Company(company),
            None => Holder::Nobody,
        }
    }
    fn right(&self, action: Action) -> (Subject, Action) {
        match self.data.of() {
            Some(of) => rights::document_right(of, action),
            None => (Self::SUBJECT, action),
        }
    }
}

impl Guarded for Task {
    const SUBJECT: Subject = Subject::Task;
    fn holder(&self) -> Holder {
        Holder::Task {
            assignee: self.data.assignee_id,
            author: self.author_id,
            deal: self.data.deal_id,
            review: self.data.kind == TaskKind::ReviewLost,
        }
    }
}

impl Guarded for Activity {
    const SUBJECT: Subject = Subject::Activity;
    fn holder(&self) -> Holder {
        Holder::Activity {
            author: self.author_id,
            deal: self.data.deal_id,
        }
    }
}

impl Guarded for User {
    const SUBJECT: Subject = Subject::User;
    fn holder(&self) -> Holder {
        Holder::User {
            id: self.meta.id,
            role: self.data.role,
            active: self.data.active && self.meta.deleted_at.is_none(),
        }
    }
}

impl Tx<'_> {
    /// `Ok` when the acting user may write `record` as `action`. A unit of work without an
    /// actor is the system's own (a bulk load, the schema's owner) and is not asked.
    pub(crate) async fn may<R: Guarded>(&mut self, record: &R, action: Action) -> Result<()> {
        let Some(actor) = self.actor else { return Ok(()) };
        let role = self.actor_role().await?;
        let (subject, asked) = record.right(action);
        let own = match rights::scope(role, subject, asked) {
            Scope::All => return Ok(()),
            Scope::None => false,
            Scope::Own => self.is_own(actor, record.holder(), action).await?,
        };
        rights::check(role, subject, asked, own)
    }

    /// `Ok` when the acting user may change `before` into `after`: both must be theirs to
    /// change, so nobody hands a record to a place they may not put it. Anyone may change their
    /// own user's name, language and time zone, never their own role or standing.
    pub(crate) async fn may_change<R: Guarded>(&mut self, before: &R, after: &R, action: Action) -> Result<()> {
        if let (Holder::User { id, role, active }, Holder::User { role: r, active: a, .. }) =
            (before.holder(), after.holder())
            && Some(id) == self.actor
            && (role, active) == (r, a)
        {
            return Ok(());
        }
        self.may(before, action).await?;
        self.may(after, action).await
    }

    /// `Ok` when the acting user may do `action` on the whole of `subject` (the head's
    /// regulations: a rotation step, a loss review), a `forbidden` error naming it otherwise.
    pub(crate) async fn may_all(&mut self, subject: Subject, action: Action) -> Result<()> {
        if self.actor.is_none() {
            return Ok(());
        }
        let role = self.actor_role().await?;
        rights::check(role, subject, action, false)
    }

    /// The acting user's role, read once per unit of work.
    pub(crate) async fn actor_role(&mut self) -> Result<Role> {
        if let Some(role) = self.actor_role {
            return Ok(role);
        }
        let actor = self.actor.expect("asked only with an actor");
        let user: User = self.get_any(actor).await.map_err(|_| {
            Error::new(ErrorCode::Forbidden, format!("no user with id {actor} may write here")).on("user")
        })?;
        self.actor_role = Some(user.data.role);
        Ok(user.data.role)
    }

    /// Whether the record is `actor`'s as row-level security's policies count it.
    async fn is_own(&mut self, actor: Id, holder: Holder, action: Action) -> Result<bool> {
        let creating = action == Action::Create;
        Ok(match holder {
            Holder::Nobody => false,
            Holder::Owner(owner) => owner == actor,
            Holder::Deal(deal) => self.owns_deal(actor, Some(deal)).await?,
            Holder::Company(company) => self.owns_company(actor, company).await?,
            Holder::Task {
                assignee,
                author,
                deal,
                review,
            } if creating => author == actor && (assignee == actor || review && self.owns_deal(actor, deal).await?),
            Holder::Task {
                assignee, author, deal, ..
            } => assignee == actor || author == actor || self.owns_deal(actor, deal).await?,
            Holder::Activity { author, deal } if creating => {
                author == actor && (deal.is_none() || self.owns_deal(actor, deal).await?)
            }
            Holder::Activity { author, deal } => author == actor || self.owns_deal(actor, deal).await?,
            // A head's own, among users, are the managers.
            Holder::User { role, .. } => role == Role::Manager,
        })
    }

    async fn owns_company(&mut self, actor: Id, company: Id) -> Result<bool> {
        self.owns("companies", actor, company).await
    }

    async fn owns_deal(&mut self, actor: Id, deal: Option<Id>) -> Result<bool> {
        let Some(deal) = deal else { return Ok(false) };
        self.owns("deals", actor, deal).await
    }

    /// Whether the row `id` of `table` (deals or companies) is owned by `actor`.
    async fn owns(&mut self, table: &str, actor: Id, id: Id) -> Result<bool> {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE id = $1 AND owner_id = $2");
        let n = self.scalar(&sql, vec![id.into(), actor.into()]).await?;
        Ok(n > 0)
    }
}
