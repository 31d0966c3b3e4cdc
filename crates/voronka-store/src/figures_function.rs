//! On PostgreSQL the figures a unit of work touched are refreshed by one function,
//! `voronka_refresh_figures`, that runs with the schema owner's rights (`SECURITY DEFINER`).
//!
//! Why: the figures are team-wide sums (a day's deals of every owner, a stage's spells, the last
//! contact of a company someone else owns) recomputed from the records. Under a manager's login
//! row-level security would show the refresh only that manager's records, so it would write
//! wrong sums, or nothing where the manager may not write. The function recomputes from every
//! record and may be called by any teammate: what it writes follows from the records alone, and
//! its body is fixed when the migration runs, built from the same statements SQLite runs in
//! `figures` and `rollups` (a test holds the migration to this text).

use crate::figures::Touched;
#[cfg(test)]
use crate::figures::{
    DAY_MS, OWNER_COPIES, changed_owner_copies, fill_days_sql, refresh_companies_sql, refresh_open_tasks_sql,
    refresh_owner_copies_sql, refresh_payments_sql, refresh_previous_stage_sql, refresh_sql,
};
#[cfg(test)]
use crate::rollups::{fill_deal_days_sql, fill_reach_days_sql, fill_response_days_sql, fill_spell_days_sql};
use crate::tx::Tx;
use voronka_core::Result;

/// The migration that (re)defines the function last; a change of the statements it is built
/// from needs a new migration that replaces it.
#[cfg(test)]
const MIGRATION: &str = "0021_rights_by_deal_owner";

/// `CREATE OR REPLACE FUNCTION voronka_refresh_figures(touched TEXT)`, where `touched` is a
/// [`Touched`] as JSON. Only the migration runs it: the store never defines a function itself.
#[cfg(test)]
pub(crate) fn function_sql() -> String {
    let range = "created_at >= $1 AND created_at < $2";
    let statement = |sql: String, using: &str| format!("EXECUTE $q${sql}$q$ USING {using};");
    let deals = [refresh_sql, refresh_open_tasks_sql, refresh_previous_stage_sql]
        .map(|sql| statement(sql("id = ANY($1)"), "v_deals"))
        .join("\n    ");
    let companies = statement(refresh_companies_sql("id = ANY($1)"), "v_companies");
    let payments = statement(refresh_payments_sql("deal_id = ANY($1)"), "v_payment_deals");
    let owners = OWNER_COPIES
        .map(|table| {
            statement(
                refresh_owner_copies_sql(table, &changed_owner_copies(table, "deal_id = ANY($1)")),
                "v_owners_of",
            )
        })
        .join("\n    ");
    let day_range = format!("r.day * {DAY_MS}, (r.day + 1) * {DAY_MS}");
    let cohorts = [
        ("deal_days", fill_deal_days_sql(range)),
        (
            "reach_days",
            fill_reach_days_sql("d.created_at >= $1 AND d.created_at < $2"),
        ),
        ("response_days", fill_response_days_sql(range)),
    ]
    .map(|(table, fill)| {
        format!(
            "DELETE FROM {table} WHERE day = r.day;\n        {}",
            statement(fill, &day_range)
        )
    })
    .join("\n        ");
    let spells = statement(
        fill_spell_days_sql("s.entered_at >= $1 AND s.entered_at < $2 AND s.stage_id = $3"),
        &format!("{day_range}, r.stage_id"),
    );
    let activity = statement(
        fill_days_sql(
            "a.author_id = $1 AND a.occurred_at >= $2 AND a.occurred_at < $3",
            "t.assignee_id = $1 AND t.done_at >= $2 AND t.done_at < $3",
        ),
        &format!("r.user_id, {day_range}"),
    );
    format!(
        "CREATE OR REPLACE FUNCTION voronka_refresh_figures(touched TEXT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    t JSONB := touched::jsonb;
    v_deals TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'deals'));
    v_companies TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'companies'));
    v_payment_deals TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'payment_deals'));
    v_spells_of TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'spells_of'));
    v_owners_of TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'owners_of'));
    r RECORD;
BEGIN
    {deals}
    {companies}
    {payments}
    {owners}
    -- After the deals' own figures, which the roll-ups count.
    FOR r IN SELECT DISTINCT x.day FROM (
        SELECT created_at / {DAY_MS} AS day FROM deals WHERE id = ANY(v_deals)
        UNION ALL SELECT jsonb_array_elements_text(t->'cohort_days')::BIGINT) x ORDER BY x.day LOOP
        {cohorts}
    END LOOP;
    FOR r IN SELECT DISTINCT x.day, x.stage_id FROM (
        SELECT entered_at / {DAY_MS} AS day, stage_id FROM stage_spells WHERE deal_id = ANY(v_spells_of)
        UNION ALL SELECT (c->>0)::BIGINT, c->>1 FROM jsonb_array_elements(t->'spell_cells') c) x
        ORDER BY x.day, x.stage_id LOOP
        DELETE FROM spell_days WHERE day = r.day AND stage_id = r.stage_id;
        {spells}
    END LOOP;
    FOR r IN SELECT DISTINCT c->>0 AS user_id, (c->>1)::BIGINT AS day FROM jsonb_array_elements(t->'days') c
        ORDER BY 1, 2 LOOP
        DELETE FROM activity_days WHERE user_id = r.user_id AND day = r.day;
        {activity}
    END LOOP;
END $fn$;
REVOKE ALL ON FUNCTION voronka_refresh_figures(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION voronka_refresh_figures(TEXT) TO voronka_manager, voronka_head, voronka_admin;"
    )
}

impl Tx<'_> {
    /// Refreshes on PostgreSQL what `touched` names, through the owner's function.
    pub(crate) async fn refresh_touched_as_owner(&mut self, touched: &Touched) -> Result<()> {
        let json = serde_json::to_string(touched).map_err(|e| voronka_core::Error::storage(e.to_string()))?;
        self.execute("SELECT voronka_refresh_figures($1)", vec![json.into()])
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    /// The migration holds exactly the function this module builds: a change of the figures'
    /// statements without a migration would leave team databases counting the old way.
    #[test]
    fn the_migration_defines_the_function_this_module_builds() {
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let path = format!(
            "{}/../../migrations/postgres/{}.sql",
            env!("CARGO_MANIFEST_DIR"),
            super::MIGRATION
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let function = super::function_sql();
        assert!(
            norm(&text).contains(&norm(&function)),
            "{path} should hold:\n{function}"
        );
    }
}
