//! Users, pipelines, loss reasons, products and a new database's defaults: what an admin sets
//! up (stages in `pipelines`, dictionaries in `dictionaries`, plans in `plans`).

use crate::Store;
use voronka_core::model::*;
use voronka_core::{Error, ErrorCode, Id, Result};

/// Generates `create_x` and `update_x` for records whose input validates without context.
macro_rules! simple_crud {
    ($create:ident, $update:ident, $ty:ident, $input:ty $(, $state:ident: $initial:expr)*) => {
        impl Store {
            pub async fn $create(&self, actor: Id, input: &$input) -> Result<$ty> {
                let data = input.validate()?;
                let mut tx = self.begin(Some(actor)).await?;
                let record = tx.create_from(|meta| $ty { meta, data $(, $state: $initial)* }).await?;
                tx.commit().await?;
                Ok(record)
            }

            pub async fn $update(&self, actor: Id, id: Id, version: i64, input: &$input) -> Result<$ty> {
                let data = input.validate()?;
                let mut tx = self.begin(Some(actor)).await?;
                let (_, record) = tx.replace::<$ty>(id, version, data).await?;
                tx.commit().await?;
                Ok(record)
            }
        }
    };
}

simple_crud!(create_pipeline, update_pipeline, Pipeline, PipelineInput, archived: false);
simple_crud!(create_loss_reason, update_loss_reason, LossReason, LossReasonInput);

impl Store {
    /// A product of the catalog; a price given without a currency is in the department's own.
    pub async fn create_product(&self, actor: Id, input: &ProductInput) -> Result<Product> {
        let mut data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        if super::process::blank(input.currency.as_deref()) {
            data.currency = tx.default_currency().await?;
        }
        let product = tx.create_from(|meta| Product { meta, data }).await?;
        tx.commit().await?;
        Ok(product)
    }

    pub async fn update_product(&self, actor: Id, id: Id, version: i64, input: &ProductInput) -> Result<Product> {
        let mut data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        if super::process::blank(input.currency.as_deref()) {
            data.currency = tx.default_currency().await?;
        }
        let (_, product) = tx.replace::<Product>(id, version, data).await?;
        tx.commit().await?;
        Ok(product)
    }
}

impl Store {
    /// Creates a user. `actor` is `None` only for the very first user of a database.
    pub async fn create_user(&self, actor: Option<Id>, input: &UserInput) -> Result<User> {
        let data = input.validate()?;
        let mut tx = self.begin(actor).await?;
        if actor.is_none() && tx.scalar("SELECT COUNT(*) FROM users", vec![]).await? > 0 {
            return Err(Error::new(
                ErrorCode::InvalidState,
                "only the first user may be created without a signed-in user",
            ));
        }
        let user = tx.create_from(|meta| User { meta, data }).await?;
        tx.commit().await?;
        Ok(user)
    }

    pub async fn update_user(&self, actor: Id, id: Id, version: i64, input: &UserInput) -> Result<User> {
        let data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        let (_, user) = tx.replace::<User>(id, version, data).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// The signed-in user's own language and time zone (an IANA name, refused on `time_zone`
    /// otherwise): what notifications, exports and Today's day boundaries follow. Only these two
    /// fields change, so it needs no version: the latest choice wins.
    pub async fn set_my_preferences(&self, actor: Id, language: Language, time_zone: &str) -> Result<User> {
        let time_zone = voronka_core::model::time_zone(time_zone)?;
        self.change_me(actor, None, |me| {
            me.language = language;
            me.time_zone = time_zone;
        })
        .await
    }

    /// The signed-in user's own name, email and phone (what a proposal prints as the manager's
    /// contacts), at the version they read: a stale one is a conflict. Each refusal names its
    /// field and writes nothing; their role, standing, language and zone stay as they are.
    pub async fn set_my_contacts(&self, actor: Id, version: i64, input: &MyContactsInput) -> Result<User> {
        let contacts = input.validate()?;
        self.change_me(actor, Some(version), |me| {
            me.name = contacts.name;
            me.email = contacts.email;
            me.phone = contacts.phone;
        })
        .await
    }

    /// One change of the signed-in user's own record, validated before: at `version` when the
    /// form read one (a stale one is a conflict), audited only when something changed.
    async fn change_me(&self, actor: Id, version: Option<i64>, change: impl FnOnce(&mut UserData)) -> Result<User> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: User = match version {
            Some(version) => tx.get_at(actor, version).await?,
            None => tx.get(actor).await?,
        };
        let mut after = before.clone();
        change(&mut after.data);
        if after != before {
            tx.update(&before, &mut after, AuditAction::Update).await?;
        }
        tx.commit().await?;
        Ok(after)
    }

    /// Installs the default pipeline of DOMAIN.md, the loss reasons and the other
    /// dictionaries, named in the language of `actor` (who sets the database up), into an
    /// empty database; what exists already is left as it is.
    pub async fn install_defaults(&self, actor: Id) -> Result<()> {
        let mut tx = self.begin(Some(actor)).await?;
        let language = tx.get::<User>(actor).await?.data.language;
        tx.install_dictionaries(language).await?;
        if tx.scalar("SELECT COUNT(*) FROM pipelines", vec![]).await? > 0 {
            return tx.commit().await;
        }
        let pipeline = PipelineInput {
            name: "Продажі".into(),
            position: Some(0),
            is_default: Some(true),
        }
        .validate()?;
        let pipeline = tx
            .create_from(|meta| Pipeline {
                meta,
                data: pipeline,
                archived: false,
            })
            .await?;
        for (position, (name, kind, probability, required_fields)) in default_stages().into_iter().enumerate() {
            let data = StageInput {
                pipeline_id: pipeline.meta.id,
                name: name.into(),
                position: position as i64,
                kind,
                win_probability: Some(probability),
                required_fields,
            }
            .validate()?;
            tx.create_from(|meta| Stage {
                meta,
                data,
                archived: false,
            })
            .await?;
        }
        for (position, reason) in DEFAULT_LOSS_REASONS.iter().enumerate() {
            let data = LossReasonInput {
                name: reason.name(language).into(),
                position: Some(position as i64),
                active: Some(true),
            }
            .validate()?;
            tx.create_from(|meta| LossReason { meta, data }).await?;
        }
        tx.commit().await
    }
}

impl Store {
    /// Whether the database holds no users and no clients yet (a first start, a demo target).
    pub async fn is_empty(&self) -> Result<bool> {
        let mut tx = self.begin_read().await?;
        let rows = tx
            .scalar(
                "SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM companies) + (SELECT COUNT(*) FROM deals)",
                vec![],
            )
            .await?;
        tx.commit().await?;
        Ok(rows == 0)
    }
}

impl Store {
    /// Refreshes the query planner's statistics: after a bulk load, so lists and search use
    /// their indexes from the first query on.
    pub async fn analyze(&self) -> Result<()> {
        use crate::error::DbResult;
        sqlx::query("ANALYZE").execute(&self.pool).await.db()?;
        if self.backend == crate::Backend::Sqlite {
            // The full-text index reads its segments by rowid ranges, which need no counts; a
            // small count taken now would, once the index has grown well past it, make SQLite
            // scan the whole index table on every merge (migration 0011).
            sqlx::query("DELETE FROM sqlite_stat1 WHERE tbl LIKE 'search_index%'")
                .execute(&self.pool)
                .await
                .db()?;
        }
        Ok(())
    }
}
