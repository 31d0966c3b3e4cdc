//! Who may do what: DOMAIN.md's rights matrix as one function, [`scope`].
//!
//! The store checks every write against it, so a refusal comes back as a `forbidden` error
//! naming what was refused, and the UI reads [`Rights`] to hide what the signed-in role may not
//! do. In team mode PostgreSQL's row-level security holds the same matrix and stays the
//! authority: this copy is what makes the refusals clear, not what makes them happen.

use crate::model::{DocumentOf, Role};
use crate::{Error, ErrorCode, Id, Result};
use serde::Serialize;

/// What a right is about: a row of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Companies and contacts: the client base the whole team shares.
    ClientBase,
    /// Deals, their items, payments and documents.
    Deal,
    Task,
    /// The timeline: calls, emails, meetings, notes.
    Activity,
    Report,
    Plan,
    /// Handover, loss review and lead rotation settings.
    Regulations,
    User,
    /// Pipelines, stages, dictionaries and process settings.
    Setup,
    AuditLog,
    /// Exports of lists (XLSX).
    Export,
    /// Answers at the check-ins: each user answers their own; the head reads the team's.
    CheckIn,
}

impl Subject {
    /// The name a refusal gives as its field, which the UI translates.
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::ClientBase => "client_base",
            Subject::Deal => "deal",
            Subject::Task => "task",
            Subject::Activity => "activity",
            Subject::Report => "report",
            Subject::Plan => "plan",
            Subject::Regulations => "regulations",
            Subject::User => "user",
            Subject::Setup => "setup",
            Subject::AuditLog => "audit_log",
            Subject::Export => "export",
            Subject::CheckIn => "check_in",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Read,
    Create,
    Change,
    Delete,
}

impl Action {
    fn verb(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Create => "create",
            Action::Change => "change",
            Action::Delete => "delete",
        }
    }
}

/// Which records of a subject a role may act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    None,
    /// Their own: records they own, are assigned to or wrote, and what belongs to their deals.
    /// For a head acting on users: managers.
    Own,
    All,
}

/// The matrix. Rows the table in DOMAIN.md gives as "read all; change their own" answer per
/// action; the audit log is never changed or deleted by anybody.
pub fn scope(role: Role, subject: Subject, action: Action) -> Scope {
    use Action::*;
    use Role::*;
    use Scope::{All, None as No, Own};
    use Subject::*;
    match (subject, action) {
        // Nobody answers a check-in for someone else, or takes an answer back.
        (CheckIn, Create | Change) => Own,
        (CheckIn, Delete) => No,
        (CheckIn, Read) if role == Manager => Own,
        (CheckIn, Read) => All,
        (AuditLog, Change | Delete) => No,
        // Every write leaves its entry, whoever makes it.
        (AuditLog, Create) => All,
        (AuditLog | Report | Export, Read) if role == Manager => Own,
        (AuditLog | Report | Export, _) if role == Manager => No,
        (AuditLog | Report | Export, _) => All,
        (ClientBase, Read | Create) => All,
        (ClientBase | Deal | Task | Activity, _) if role == Manager => Own,
        (ClientBase | Deal | Task | Activity, _) => All,
        (Plan, Read) if role == Manager => Own,
        (Plan | Regulations, _) if role == Manager => No,
        (Plan | Regulations, _) => All,
        (User, Read) => All,
        (User, _) => match role {
            Admin => All,
            Head if action != Delete => Own,
            _ => No,
        },
        (Setup, Read) => All,
        (Setup, _) if role == Admin => All,
        (Setup, _) => No,
    }
}

/// `Ok` when `role` may do `action` on a record of `subject` that is (`own`) or is not theirs;
/// a `forbidden` error naming the subject otherwise.
pub fn check(role: Role, subject: Subject, action: Action, own: bool) -> Result<()> {
    match scope(role, subject, action) {
        Scope::All => Ok(()),
        Scope::Own if own => Ok(()),
        _ => Err(refused(subject, action)),
    }
}

/// The row of the matrix a document's right is read from, and the action asked there. A
/// document is part of its record's card (DOMAIN.md "Rights": a deal's documents are listed
/// with the deal; a company's card is the client base):
/// - reading one is reading its record: a deal's by the deal's owner, the head and the admin, a
///   company's by the whole team;
/// - attaching or deleting one changes its record: a manager attaches to and deletes from her
///   own deals and companies only (not a colleague's deal she may not edit), the head and the
///   admin anywhere.
///
/// Having attached a file gives no right of its own: the matrix gives nobody rights by
/// authorship on deals or the client base, and a record handed over to another manager takes
/// its documents along like the rest of its card.
pub fn document_right(of: DocumentOf, action: Action) -> (Subject, Action) {
    let subject = match of {
        DocumentOf::Deal(_) => Subject::Deal,
        DocumentOf::Company(_) => Subject::ClientBase,
    };
    let asked = match action {
        Action::Read => Action::Read,
        Action::Create | Action::Change | Action::Delete => Action::Change,
    };
    (subject, asked)
}

/// Whether a user with `role` may give a user `target` role, or change or deactivate one who
/// has it: the admin anyone, the head managers.
pub fn may_manage(role: Role, target: Role) -> bool {
    match scope(role, Subject::User, Action::Change) {
        Scope::All => true,
        Scope::Own => target == Role::Manager,
        Scope::None => false,
    }
}

/// Whether user `me` with `role` may give a task to `assignee`: the head and the admin to
/// anyone, a manager to themself only. Refused on `assignee_id`, the field the form shows.
pub fn check_assign(role: Role, me: Id, assignee: Id) -> Result<()> {
    if assignee == me || scope(role, Subject::Task, Action::Create) == Scope::All {
        return Ok(());
    }
    Err(Error::new(ErrorCode::Forbidden, "your role may give tasks to yourself only").on("assignee_id"))
}

/// Whether user `me` with `role` may import records for `owner`: the head and the admin for
/// anyone (an owner column, sharing among the team), a manager for herself only. Refused on
/// `field` (`owner` for an owner column's cell, `share` for the managers to share among).
pub fn check_import_owner(role: Role, me: Id, owner: Id, field: &str) -> Result<()> {
    if owner == me || may_import_for_others(role) {
        return Ok(());
    }
    Err(Error::new(
        ErrorCode::Forbidden,
        "your role may import records for yourself only, not for other teammates",
    )
    .on(field))
}

/// Whether `role` may give imported records to other teammates: those who set the team's
/// regulations (the head, the admin) share the work out; a manager imports her own.
pub fn may_import_for_others(role: Role) -> bool {
    scope(role, Subject::Regulations, Action::Change) == Scope::All
}

/// The refusal of `action` on `subject`.
pub fn refused(subject: Subject, action: Action) -> Error {
    Error::new(
        ErrorCode::Forbidden,
        format!(
            "your role may not {} this {}",
            action.verb(),
            subject.as_str().replace('_', " ")
        ),
    )
    .on(subject.as_str())
}

/// Whether a record whose owner (or assignee, or author) is `owner` is `me`'s.
pub fn is_own(me: Id, owner: Option<Id>) -> bool {
    owner == Some(me)
}

/// What the signed-in role may do, for the UI to show or hide: read from [`scope`], never
/// written anew.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Rights {
    pub role: Role,
    /// Sees and changes every deal, task and payment (otherwise only their own).
    pub all_deals: bool,
    /// Changes and deletes any company or contact (otherwise only their own).
    pub all_clients: bool,
    /// Reads the team's reports (otherwise their own figures).
    pub team_reports: bool,
    /// Sets the monthly plans.
    pub set_plans: bool,
    /// Changes the handover, loss review and lead rotation settings.
    pub regulations: bool,
    /// Opens the Team screen: adds, changes and deactivates users.
    pub manage_users: bool,
    /// The roles they may give a new or existing teammate.
    pub roles_to_give: Vec<Role>,
    /// Changes pipelines, stages, dictionaries and process settings.
    pub setup: bool,
    /// Exports every record of a list (otherwise their own).
    pub export_all: bool,
    /// Gives tasks to anyone active (otherwise to themself only, see [`check_assign`]).
    pub assign_to_others: bool,
    /// Imports companies, contacts and deals from a file (at least for themself).
    pub import: bool,
    /// Gives imported records to others: an owner column, sharing among chosen teammates
    /// (otherwise imports for themself only, see [`check_import_owner`]).
    pub import_for_others: bool,
}

impl Rights {
    pub fn of(role: Role) -> Rights {
        let all = |subject, action| scope(role, subject, action) == Scope::All;
        Rights {
            role,
            all_deals: all(Subject::Deal, Action::Change),
            all_clients: all(Subject::ClientBase, Action::Change),
            team_reports: all(Subject::Report, Action::Read),
            set_plans: all(Subject::Plan, Action::Change),
            regulations: all(Subject::Regulations, Action::Change),
            manage_users: scope(role, Subject::User, Action::Change) > Scope::None,
            roles_to_give: [Role::Manager, Role::Head, Role::Admin]
                .into_iter()
                .filter(|&target| may_manage(role, target))
                .collect(),
            setup: all(Subject::Setup, Action::Change),
            export_all: all(Subject::Export, Action::Read),
            assign_to_others: all(Subject::Task, Action::Create),
            import: all(Subject::ClientBase, Action::Create),
            import_for_others: may_import_for_others(role),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DOMAIN.md's table, row by row, as (subject, action, manager, head, admin).
    #[test]
    fn the_matrix_is_domain_md_s_table() {
        use Action::*;
        use Scope::{All, None as No, Own};
        use Subject::*;
        let rows = [
            (ClientBase, Read, All, All, All),
            (ClientBase, Create, All, All, All),
            (ClientBase, Change, Own, All, All),
            (ClientBase, Delete, Own, All, All),
            (Deal, Read, Own, All, All),
            (Deal, Create, Own, All, All),
            (Deal, Delete, Own, All, All),
            (Task, Create, Own, All, All),
            (Task, Change, Own, All, All),
            (Activity, Create, Own, All, All),
            (Report, Read, Own, All, All),
            (Plan, Read, Own, All, All),
            (Plan, Change, No, All, All),
            (Regulations, Read, No, All, All),
            (Regulations, Change, No, All, All),
            (User, Read, All, All, All),
            (User, Create, No, Own, All),
            (User, Change, No, Own, All),
            (User, Delete, No, No, All),
            (Setup, Read, All, All, All),
            (Setup, Change, No, No, All),
            (AuditLog, Read, Own, All, All),
            (AuditLog, Create, All, All, All),
            (AuditLog, Change, No, No, No),
            (AuditLog, Delete, No, No, No),
            (Export, Read, Own, All, All),
            (CheckIn, Read, Own, All, All),
            (CheckIn, Create, Own, Own, Own),
            (CheckIn, Change, Own, Own, Own),
            (CheckIn, Delete, No, No, No),
        ];
        for (subject, action, manager, head, admin) in rows {
            let got = [Role::Manager, Role::Head, Role::Admin].map(|r| scope(r, subject, action));
            assert_eq!(got, [manager, head, admin], "{subject:?} {action:?}");
        }
    }

    #[test]
    fn a_refusal_names_what_was_refused() {
        let err = check(Role::Manager, Subject::Deal, Action::Change, false).unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Forbidden, Some("deal")));
        assert!(check(Role::Manager, Subject::Deal, Action::Change, true).is_ok());
        assert!(check(Role::Head, Subject::Deal, Action::Change, false).is_ok());
    }

    #[test]
    fn a_manager_gives_tasks_to_herself_and_the_head_to_anyone() {
        let (me, other) = (Id(uuid::Uuid::from_u128(1)), Id(uuid::Uuid::from_u128(2)));
        assert!(check_assign(Role::Manager, me, me).is_ok());
        let err = check_assign(Role::Manager, me, other).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::Forbidden, Some("assignee_id"))
        );
        assert!(check_assign(Role::Head, me, other).is_ok());
        assert!(check_import_owner(Role::Manager, me, me, "owner").is_ok());
        let err = check_import_owner(Role::Manager, me, other, "share").unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Forbidden, Some("share")));
        assert!(check_import_owner(Role::Head, me, other, "owner").is_ok());
        assert!(check_assign(Role::Admin, me, other).is_ok());
    }

    #[test]
    fn documents_follow_their_record() {
        let (deal, company) = (
            DocumentOf::Deal(Id(uuid::Uuid::from_u128(1))),
            DocumentOf::Company(Id(uuid::Uuid::from_u128(2))),
        );
        let manager = |of, action| {
            let (subject, asked) = document_right(of, action);
            scope(Role::Manager, subject, asked)
        };
        assert_eq!(
            manager(company, Action::Read),
            Scope::All,
            "the client base is read by all"
        );
        assert_eq!(
            manager(company, Action::Create),
            Scope::Own,
            "attaching changes the company: her own"
        );
        assert_eq!(
            manager(deal, Action::Read),
            Scope::Own,
            "a deal's documents: her own deals"
        );
        assert_eq!(manager(deal, Action::Delete), Scope::Own);
        for of in [deal, company] {
            for action in [Action::Read, Action::Create, Action::Delete] {
                let (subject, asked) = document_right(of, action);
                assert_eq!(scope(Role::Head, subject, asked), Scope::All);
            }
        }
    }

    #[test]
    fn the_summary_follows_the_matrix() {
        let manager = Rights::of(Role::Manager);
        assert!(!manager.all_deals && !manager.manage_users && manager.roles_to_give.is_empty());
        assert!(
            manager.import && !manager.import_for_others,
            "a manager imports, for herself only"
        );
        let head = Rights::of(Role::Head);
        assert!(head.all_deals && head.set_plans && head.manage_users && !head.setup);
        assert!(head.import && head.import_for_others);
        assert_eq!(head.roles_to_give, vec![Role::Manager]);
        let admin = Rights::of(Role::Admin);
        assert!(admin.setup && admin.roles_to_give.len() == 3);
    }
}
