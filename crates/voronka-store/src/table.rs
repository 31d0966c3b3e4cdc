//! Which table keeps which record, and what is special about its columns.

use crate::row::Value;
use chrono::{DateTime, Utc};
use voronka_core::Id;
use voronka_core::model::*;

/// Anything kept as rows of one table.
pub trait Rows: serde::Serialize + serde::de::DeserializeOwned + Send + Sync + Unpin + 'static {
    const TABLE: &'static str;
    /// Text columns that hold JSON (lists, small structures).
    const JSON: &'static [&'static str] = &[];
    /// What a read of a whole record selects: its columns and the fields computed from them.
    const SELECT: &'static str = "*";
    /// The record's fields computed by [`Rows::SELECT`]: never written, nor audited.
    const COMPUTED: &'static [&'static str] = &[];
    /// Columns computed from the record for indexes only.
    #[allow(
        private_interfaces,
        reason = "Value is the store's own; callers never build derived columns"
    )]
    fn derived(&self) -> Vec<(&'static str, Value)> {
        Vec::new()
    }
    /// The deal whose report figures (see `figures`) depend on this row, if any.
    fn figures_deal(&self) -> Option<Id> {
        None
    }
    /// The company whose report figures depend on this row, if any.
    fn figures_company(&self) -> Option<Id> {
        None
    }
    /// The deal whose payments carry copies of this row's fields (see `figures`), if any.
    fn figures_payments_of(&self) -> Option<Id> {
        None
    }
    /// The (user, UTC day number) whose activity counts this row is one of, if any.
    fn figures_day(&self) -> Option<(Id, i64)> {
        None
    }
    /// The UTC day number of the deal creations whose roll-ups this row is counted in, if any.
    fn figures_cohort_day(&self) -> Option<i64> {
        None
    }
    /// The deal whose stage spells' roll-up cells this row decides, if any.
    fn figures_spells_of(&self) -> Option<Id> {
        None
    }
    /// The (UTC day number, stage) roll-up cell of stage spells this row is counted in, if any.
    fn figures_spell_cell(&self) -> Option<(i64, Id)> {
        None
    }
    /// The deal whose spells', tasks' and activities' copies of its owner this row decides, if
    /// any.
    fn figures_owner_of(&self) -> Option<Id> {
        None
    }
    /// The deal whose stage spells' roll-up cells change when `before` becomes `after`, though
    /// neither state alone says so, if any.
    fn figures_spells_moved(_before: &Self, _after: &Self) -> Option<Id> {
        None
    }
}

/// The UTC day number of an instant: the roll-ups' `day`, divided as SQL divides integers.
fn day_of(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis() / crate::figures::DAY_MS
}

/// A mutable record: versioned, soft-deletable, audited, kept under the rights matrix.
pub trait Table: Rows + Record + crate::guard::Guarded {}
impl<T: Rows + Record + crate::guard::Guarded> Table for T {}

macro_rules! rows {
    ($ty:ty, $table:literal $(, [$($json:literal),*])?) => {
        impl Rows for $ty {
            const TABLE: &'static str = $table;
            $(const JSON: &'static [&'static str] = &[$($json),*];)?
        }
    };
}

rows!(User, "users");
rows!(
    Contact,
    "contacts",
    ["phones", "emails", "messengers", "important_dates"]
);
rows!(Pipeline, "pipelines");
rows!(Stage, "stages", ["required_fields"]);
rows!(LossReason, "loss_reasons");
rows!(DictionaryEntry, "dictionary_entries");
rows!(ProposalTemplate, "proposal_templates");

impl Rows for Product {
    const TABLE: &'static str = "products";

    /// What the catalog's text filter reads: the name and SKU lower-cased here, where Cyrillic
    /// lower-cases as it should (SQLite's `lower()` knows ASCII only).
    #[allow(private_interfaces, reason = "Value is the store's own")]
    fn derived(&self) -> Vec<(&'static str, Value)> {
        vec![("search_key", Value::Text(product_search_key(&self.data)))]
    }
}

pub(crate) fn product_search_key(data: &ProductData) -> String {
    format!("{} {}", data.name, data.sku.as_deref().unwrap_or("")).to_lowercase()
}
rows!(DealItem, "deal_items");

rows!(Document, "documents");
rows!(Plan, "plans");

rows!(AuditEntry, "audit_log", ["before", "after"]);

impl Rows for ProcessSettings {
    const TABLE: &'static str = "process_settings";
    const JSON: &'static [&'static str] = &["working_days", "holidays"];

    /// The one row a database has: a second is refused by its unique `singleton`.
    #[allow(private_interfaces, reason = "Value is the store's own")]
    fn derived(&self) -> Vec<(&'static str, Value)> {
        vec![("singleton", Value::Int(1))]
    }
}

impl Rows for LeadRotation {
    const TABLE: &'static str = "lead_rotation";
    const JSON: &'static [&'static str] = &["member_ids"];

    /// The one row a database has, like the process settings'.
    #[allow(private_interfaces, reason = "Value is the store's own")]
    fn derived(&self) -> Vec<(&'static str, Value)> {
        vec![("singleton", Value::Int(1))]
    }
}

impl Rows for Deal {
    const TABLE: &'static str = "deals";
    const JSON: &'static [&'static str] = &["contact_ids", "qualification"];
    /// Rule 2's flag off the kept count of open tasks (see `figures`).
    const SELECT: &'static str = "*, CAST(CASE WHEN status = 'open' AND deleted_at IS NULL AND open_tasks = 0
        THEN 1 ELSE 0 END AS BIGINT) AS without_task";
    const COMPUTED: &'static [&'static str] = &["without_task"];

    fn figures_payments_of(&self) -> Option<Id> {
        Some(self.meta.id)
    }

    fn figures_cohort_day(&self) -> Option<i64> {
        Some(day_of(self.meta.created_at))
    }

    /// Only a deleted deal's (the state before a restore or after a delete): a live deal's
    /// other changes leave its spells' cells as they are.
    fn figures_spells_of(&self) -> Option<Id> {
        self.meta.deleted_at.map(|_| self.meta.id)
    }

    /// Deleting or restoring a deal takes its owner off or puts it back on its rows' copies (a
    /// handover is `figures_spells_moved`).
    fn figures_owner_of(&self) -> Option<Id> {
        self.meta.deleted_at.map(|_| self.meta.id)
    }

    /// A deal handed to another owner: its spells are counted under the new one.
    fn figures_spells_moved(before: &Self, after: &Self) -> Option<Id> {
        (before.data.owner_id != after.data.owner_id).then_some(after.meta.id)
    }
}

impl Rows for Payment {
    const TABLE: &'static str = "payments";

    fn figures_payments_of(&self) -> Option<Id> {
        Some(self.data.deal_id)
    }
}

impl Rows for Company {
    const TABLE: &'static str = "companies";
    const JSON: &'static [&'static str] = &["tags", "important_dates"];

    #[allow(private_interfaces, reason = "Value is the store's own")]
    fn derived(&self) -> Vec<(&'static str, Value)> {
        let keys = self.data.duplicate_keys();
        vec![
            ("name_key", Value::Text(keys.name_key)),
            ("city_key", Value::Text(keys.city_key)),
        ]
    }
}

// The rows the figures are computed from: a deal's stage history, its tasks and its calls and
// emails; a company's calls, emails and meetings.
impl Rows for StageSpell {
    const TABLE: &'static str = "stage_spells";

    fn figures_deal(&self) -> Option<Id> {
        Some(self.deal_id)
    }

    fn figures_spell_cell(&self) -> Option<(i64, Id)> {
        Some((day_of(self.entered_at), self.stage_id))
    }

    fn figures_owner_of(&self) -> Option<Id> {
        Some(self.deal_id)
    }
}

impl Rows for Task {
    const TABLE: &'static str = "tasks";

    fn figures_deal(&self) -> Option<Id> {
        self.data.deal_id
    }

    fn figures_day(&self) -> Option<(Id, i64)> {
        self.done_at.map(|at| (self.data.assignee_id, day_of(at)))
    }

    fn figures_owner_of(&self) -> Option<Id> {
        self.data.deal_id
    }
}

impl Rows for Activity {
    const TABLE: &'static str = "activities";
    const JSON: &'static [&'static str] = &["details"];

    fn figures_deal(&self) -> Option<Id> {
        let contact = matches!(self.data.kind, ActivityKind::Call | ActivityKind::Email);
        self.data.deal_id.filter(|_| contact)
    }

    fn figures_company(&self) -> Option<Id> {
        let contact = matches!(
            self.data.kind,
            ActivityKind::Call | ActivityKind::Email | ActivityKind::Meeting
        );
        self.data.company_id.filter(|_| contact)
    }

    fn figures_day(&self) -> Option<(Id, i64)> {
        let counted = matches!(self.data.kind, ActivityKind::Call | ActivityKind::Meeting);
        counted.then_some((self.author_id, day_of(self.data.occurred_at)))
    }

    fn figures_owner_of(&self) -> Option<Id> {
        self.data.deal_id
    }
}
