//! Minutes from a lead's creation to its first contact.

use super::median::{self, Summary};
use super::{Reader, Sql, by_name, period_ms};
use voronka_core::reports::*;
use voronka_core::{Result, reports};

/// Most leads are answered within the hour: their medians are found by minute.
const MINUTE_MS: i64 = 60_000;

/// The period's leads as a subquery for `median::summaries`: `grp` the manager, `ms` the
/// milliseconds to the first contact (NULL when none yet; it is kept on the deal, see the store's
/// `figures`), `flag` 1 when within the limit.
fn leads(q: &mut Sql, f: &ReportFilter, limit_ms: i64) -> String {
    let (from, to) = period_ms(f);
    let (a, b, lim) = (q.bind(from), q.bind(to), q.bind(limit_ms));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    format!(
        "(SELECT d.owner_id AS grp, d.first_contact_at - d.created_at AS ms,
          CASE WHEN d.first_contact_at - d.created_at <= {lim} THEN 1 ELSE 0 END AS flag
          FROM deals d WHERE d.deleted_at IS NULL AND d.created_at >= {a} AND d.created_at < {b}{filter}) leads"
    )
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter, limit_minutes: i64) -> Result<LeadResponse> {
    let limit_ms = limit_minutes * 60_000;
    let (groups, team) = median::summaries(r, MINUTE_MS, |q| leads(q, f, limit_ms)).await?;
    let people = r.people().await?;
    let row = |manager: Option<Person>, x: &Summary| LeadResponseRow {
        manager,
        leads: x.rows,
        answered: x.measured,
        within_limit: x.flagged,
        median_minutes: x.median_ms.map(|ms| reports::round(ms / 60_000.0, 1)),
        share_within_limit: percent(x.flagged, x.rows),
    };
    let mut managers: Vec<LeadResponseRow> = groups.iter().map(|(id, x)| row(Some(people.person(*id)), x)).collect();
    by_name(&mut managers, |m| m.manager.as_ref());
    Ok(LeadResponse {
        limit_minutes,
        managers,
        team: row(None, &team),
    })
}
