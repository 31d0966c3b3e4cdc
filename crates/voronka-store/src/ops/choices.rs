//! What may be chosen for new use: active users as owners and assignees, loss reasons the
//! dictionary still offers. A record that already names a retired user keeps them and stays
//! editable; only giving someone new work, or losing a deal with a retired reason, is refused.

use crate::Store;
use crate::row::Value;
use crate::table::Table;
use crate::tx::Tx;
use voronka_core::model::{Company, Deal, LossReason, User, check_assignable};
use voronka_core::{Id, Result};

/// A record with one owner.
pub(crate) trait Owned: Table {
    fn owner(&self) -> Id;
}

impl Owned for Company {
    fn owner(&self) -> Id {
        self.data.owner_id
    }
}

impl Owned for Deal {
    fn owner(&self) -> Id {
        self.data.owner_id
    }
}

impl Store {
    /// The users a record may be given to (owners, assignees): active ones, by name.
    pub async fn active_users(&self) -> Result<Vec<User>> {
        self.live_where("active = $1", vec![Value::Int(1)], "name, id").await
    }

    /// The loss reasons a deal may be lost with, in the dictionary's order.
    pub async fn active_loss_reasons(&self) -> Result<Vec<LossReason>> {
        self.live_where("active = $1", vec![Value::Int(1)], "position, id")
            .await
    }

    async fn live_where<R: Table>(&self, condition: &str, params: Vec<Value>, order: &str) -> Result<Vec<R>> {
        let sql = format!(
            "SELECT * FROM {} WHERE deleted_at IS NULL AND {condition} ORDER BY {order}",
            R::TABLE
        );
        let mut tx = self.begin_read().await?;
        let rows = tx.fetch_all(&sql, params, R::JSON).await?;
        tx.commit().await?;
        Ok(rows)
    }
}

impl Tx<'_> {
    /// `user_id` named in `field` must be a live user, and an active one unless `current` (who
    /// the record names now) is them.
    pub(crate) async fn require_assignable(&mut self, user_id: Id, field: &str, current: Option<Id>) -> Result<User> {
        let user: User = self.require(user_id, field).await?;
        check_assignable(&user, current, field)?;
        Ok(user)
    }

    /// The owner of a new record (`record` None) or of the record `record` being changed.
    pub(crate) async fn require_owner<R: Owned>(&mut self, owner_id: Id, record: Option<Id>) -> Result<User> {
        let current = match record {
            Some(id) => Some(self.get_any::<R>(id).await?.owner()),
            None => None,
        };
        self.require_assignable(owner_id, "owner_id", current).await
    }

    /// A loss reason the dictionary still offers (rule 5's reason for a new loss).
    pub(crate) async fn require_loss_reason(&mut self, id: Id) -> Result<LossReason> {
        let reason: LossReason = self.require(id, "loss_reason_id").await?;
        voronka_core::rules::check_loss_reason(&reason)?;
        Ok(reason)
    }
}
