//! The typed bridge to the UI: every command and type, exported as TypeScript into
//! `ui/src/bindings.ts`. The file is generated, never edited; a test fails when it drifts.

use crate::commands::{
    app, backups, catalog, companies, deal_lines, deals, documents, imports, lists, notifications, plans, proposals,
    regulations, reports, setup, tasks, team,
};
use crate::desk::{GongRung, OpenRecord};
use specta_typescript::{BigIntExportBehavior, Typescript};
use tauri_specta::{Builder, collect_commands, collect_events};

/// The commands for runtime `R` (the real one in the app, a mock in tests).
pub fn builder<R: tauri::Runtime>() -> Builder<R> {
    Builder::<R>::new()
        .commands(collect_commands![
            app::app_info,
            app::about,
            app::retry_start,
            app::work_locally,
            app::back_to_team,
            app::open_database_file,
            app::create_database_file,
            app::first_start,
            app::connect_team,
            app::use_local,
            app::today,
            app::search,
            app::list_users,
            app::list_pipelines,
            app::list_stages,
            app::list_loss_reasons,
            app::active_users,
            app::active_loss_reasons,
            app::time_zones,
            app::set_my_preferences,
            app::set_my_contacts,
            companies::list_companies,
            companies::get_company,
            companies::create_company,
            companies::update_company,
            companies::delete_company,
            companies::restore_company,
            companies::company_duplicates,
            companies::contact_duplicates,
            companies::list_contacts,
            companies::get_contact,
            companies::create_contact,
            companies::update_contact,
            companies::log_activity,
            companies::timeline,
            companies::audit_history,
            deals::board,
            deals::list_deals,
            deals::get_deal,
            deals::create_deal,
            deals::update_deal,
            deals::move_deal,
            deals::delete_deal,
            deals::restore_deal,
            deals::stage_history,
            deals::deal_items,
            deals::add_deal_item,
            deals::deal_payments,
            deals::create_payment,
            deals::mark_payment_paid,
            catalog::list_products,
            catalog::create_product,
            catalog::update_product,
            catalog::archive_product,
            catalog::restore_product,
            deal_lines::deal_lines,
            deal_lines::update_deal_item,
            deal_lines::remove_deal_item,
            deal_lines::set_amount_from_items,
            deal_lines::update_payment,
            deal_lines::cancel_payment,
            deal_lines::mark_payment_paid_on,
            proposals::proposal_template,
            proposals::save_proposal_template,
            proposals::choose_logo,
            proposals::make_proposal,
            documents::attach_document,
            documents::list_documents,
            documents::save_document,
            documents::delete_document,
            documents::open_document,
            backups::backups,
            backups::back_up_now,
            backups::restore_backup,
            tasks::list_tasks,
            tasks::create_task,
            tasks::update_task,
            tasks::complete_task,
            tasks::edit_task,
            tasks::delete_task,
            tasks::task_reschedules,
            reports::report,
            reports::choose_export_path,
            reports::export_report,
            reports::open_export,
            lists::export_list,
            imports::choose_import_file,
            imports::import_inspect,
            imports::import_preview,
            imports::import_run,
            imports::cancel_import,
            imports::save_refused,
            notifications::recent_gongs,
            notifications::notification_settings,
            notifications::save_notification_settings,
            team::team_members,
            team::add_teammate,
            team::give_login,
            team::reset_password,
            team::change_role,
            team::set_user_active,
            team::set_my_password,
            team::create_team_database,
            team::move_to_team,
            setup::create_pipeline,
            setup::update_pipeline,
            setup::set_pipeline_archived,
            setup::create_stage,
            setup::update_stage,
            setup::reorder_stages,
            setup::archive_stage,
            setup::unarchive_stage,
            setup::dictionaries,
            setup::create_dictionary_entry,
            setup::update_dictionary_entry,
            setup::reorder_dictionary,
            setup::create_loss_reason,
            setup::update_loss_reason,
            setup::reorder_loss_reasons,
            setup::process_settings,
            setup::save_process_settings,
            setup::deal_title_preview,
            plans::plans_between,
            plans::save_plans,
            regulations::lead_rotation,
            regulations::save_lead_rotation,
            regulations::close_loss_review,
            regulations::loss_reviews,
            regulations::answer_check_in,
            regulations::check_ins_of,
            regulations::handover_preview,
            regulations::handover,
            regulations::team_board,
            regulations::today_of,
        ])
        .events(collect_events![GongRung, OpenRecord])
        // The Team database form lists the modes the core knows, in its order.
        .constant("TLS_MODES", voronka_core::connection::TlsMode::ALL)
        // The department's set-up screens and the task forms list the core's own kinds.
        .constant("TASK_KINDS", voronka_core::model::TaskKind::ALL)
        // What a person may plan: a loss review comes only from a loss.
        .constant("PLANNABLE_TASK_KINDS", voronka_core::model::TaskKind::PLANNABLE)
        .constant("STAGE_KINDS", voronka_core::model::StageKind::ALL)
        .constant("DEAL_FIELDS", voronka_core::model::DealField::ALL)
        .constant("DICTIONARY_KINDS", voronka_core::model::DictionaryKind::ALL)
        .constant("TITLE_PLACEHOLDERS", voronka_core::model::TITLE_PLACEHOLDERS)
        // Every field an import column may fill, for the wizard's translations.
        .constant("IMPORT_FIELDS", voronka_import::Field::ALL)
        // The documents' size limit, which the UI names when a file is refused for it.
        .constant("DOCUMENT_MAX_BYTES", voronka_core::model::DOCUMENT_MAX_BYTES)
}

/// The exporter's settings: 64-bit integers (money in minor units, millisecond times) travel as
/// JSON numbers, exact up to 2^53.
pub fn typescript() -> Typescript {
    Typescript::default()
        .bigint(BigIntExportBehavior::Number)
        .header("// Generated by `make bindings` from the Rust commands and types. Do not edit.\n// @ts-nocheck: the generator emits helpers this app does not use.\n")
}

/// The bindings as text. specta-typescript 0.0.9 also declares `TAURI_CHANNEL` as a `null`
/// type beside the import that really defines it (`Channel` of `@tauri-apps/api/core`), which
/// would type every channel argument as `null`; that declaration is dropped.
pub fn generate() -> Result<String, String> {
    let file = std::env::temp_dir().join(format!("voronka-bindings-{}.ts", std::process::id()));
    builder::<tauri::Wry>()
        .export(typescript(), &file)
        .map_err(|e| format!("export the bindings: {e}"))?;
    let text = std::fs::read_to_string(&file).map_err(|e| format!("read the generated bindings: {e}"))?;
    let _ = std::fs::remove_file(&file);
    Ok(constants_in_name_order(
        &text.replace("export type TAURI_CHANNEL<TSend> = null\n", ""),
    ))
}

/// tauri-specta writes the constants in the order of a hash map, which changes from run to run;
/// each run of them is put in name order, so the file is the same every time it is generated.
fn constants_in_name_order(text: &str) -> String {
    let is_constant = |line: &str| line.starts_with("export const ") && line.ends_with(" as const;");
    let mut out: Vec<&str> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for line in text.split_inclusive('\n') {
        if is_constant(line.trim_end_matches('\n')) {
            run.push(line);
            continue;
        }
        run.sort_unstable();
        out.append(&mut run);
        out.push(line);
    }
    run.sort_unstable();
    out.append(&mut run);
    out.concat()
}

/// Where the UI keeps the generated file.
pub const BINDINGS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_come_in_name_order() {
        let text = "a\nexport const B = [1] as const;\nexport const A = [2] as const;\n\nexport const commands = {\n";
        assert_eq!(
            constants_in_name_order(text),
            "a\nexport const A = [2] as const;\nexport const B = [1] as const;\n\nexport const commands = {\n"
        );
    }

    /// Regenerate with `VORONKA_WRITE_BINDINGS=1 cargo test -p voronka bindings`.
    #[test]
    fn bindings_match_the_committed_file() {
        let generated = generate().expect("generate the bindings");
        if std::env::var("VORONKA_WRITE_BINDINGS").as_deref() == Ok("1") {
            std::fs::write(BINDINGS_PATH, &generated).expect("write ui/src/bindings.ts");
        }
        let committed = std::fs::read_to_string(BINDINGS_PATH).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/bindings.ts is out of date with the Rust commands: run `make bindings` and commit it"
        );
    }
}
