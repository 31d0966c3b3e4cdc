//! The storage contract: one story of the store's behaviour, told on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test, with its location")]

mod harness;

mod after_edits;
mod assigned_work;
mod backups;
mod catalog;
mod check_ins;
mod choices;
mod companies;
mod concurrency;
mod deals;
mod department;
mod discipline;
mod documents;
mod entities;
mod exporting;
mod handover;
mod importing;
mod list_exports;
mod live_changes;
mod loading;
mod moving;
mod notifications;
mod opening;
mod paging;
mod proposals;
mod regulations;
mod regulations_team;
mod reports;
mod rights;
mod schema;
mod search;
mod tasks;
mod team;
mod team_board;
mod team_documents;
mod team_gong;
mod team_regulations;
mod team_setup;
mod views;

harness::contract!(
    backups::a_backup_of_an_open_file_restores_every_write_before_it,
    list_exports::a_list_is_exported_as_its_screen_shows_it,
    rights::a_manager_changes_only_her_own_records,
    rights::the_head_leads_the_team_and_leaves_the_set_up_to_the_admin,
    after_edits::a_deleted_deal_takes_its_tasks_and_activities_along,
    after_edits::a_company_with_open_deals_is_not_deleted,
    after_edits::a_report_at_an_earlier_now_counts_what_stood_then,
    after_edits::kept_figures_equal_a_recomputation_after_every_kind_of_edit,
    companies::company_lifecycle_is_versioned_and_audited,
    companies::duplicate_company_is_refused_naming_the_owner,
    companies::duplicate_check_covers_update_and_restore,
    companies::invalid_input_names_the_field_and_writes_nothing,
    companies::contact_duplicates_are_found_by_phone_email_and_name_at_the_company,
    concurrency::stale_version_is_a_conflict_and_changes_nothing,
    concurrency::of_two_simultaneous_edits_exactly_one_wins,
    concurrency::concurrent_saves_of_one_client_let_exactly_one_in,
    concurrency::a_write_beside_a_bulk_load_waits_its_turn,
    concurrency::a_lock_held_too_long_is_busy_not_the_engines_text,
    opening::concurrent_first_opens_of_a_new_database_all_succeed,
    opening::what_is_not_a_voronka_database_is_refused_at_once,
    opening::a_half_applied_migration_says_what_to_do,
    opening::passwords_in_urls_never_reach_messages,
    deals::new_lead_gets_a_contact_task_and_a_stage_spell,
    deals::stage_requires_its_fields_before_entry,
    deals::stage_history_is_kept_on_every_move,
    deals::losing_needs_a_reason_and_gives_the_head_a_review,
    deals::items_payments_and_documents_belong_to_a_deal,
    tasks::task_needs_a_meaningful_result,
    tasks::timeline_merges_a_company_and_its_deals,
    tasks::completing_a_task_creates_the_next_one_in_the_same_transaction,
    tasks::a_refused_next_task_or_a_stale_version_writes_nothing,
    department::pipelines_and_stages_are_set_up_by_the_admin,
    department::archiving_a_stage_moves_its_deals_with_their_history,
    department::dictionaries_are_the_departments_and_checked_on_every_record,
    department::a_new_department_starts_with_its_admins_language,
    department::process_settings_are_the_admins_and_followed_everywhere,
    department::the_plans_grid_saves_a_block_in_one_transaction,
    choices::an_inactive_owner_or_assignee_is_refused_for_new_work_only,
    choices::an_inactive_loss_reason_is_refused_for_a_new_loss,
    choices::lists_to_choose_from_hold_only_active_users_and_reasons,
    choices::my_language_and_time_zone_are_saved_on_me,
    choices::my_contacts_are_saved_on_me_at_the_version_i_read,
    choices::todays_day_boundary_follows_my_time_zone,
    entities::every_entity_is_created_read_updated_deleted_restored,
    entities::plans_are_unique_per_person_and_month,
    search::search_finds_by_any_fragment,
    search::hostile_input_cannot_break_search,
    search::search_forgets_deleted_records_and_pages,
    paging::lists_page_without_gaps_or_overlaps,
    paging::deal_list_filters_by_owner_and_stage,
    paging::deal_list_filters_by_the_day_created,
    schema::newer_schema_is_refused_with_a_clear_message,
    schema::reopening_keeps_data_and_migrations_idempotent,
    schema::unreachable_or_missing_databases_say_why,
    schema::analyzing_keeps_the_search_index_seeking_as_it_grows,
    views::today_groups_my_tasks_and_flags_deals_without_one,
    views::board_totals_count_and_amount_per_stage,
    notifications::an_overdue_task_is_delivered_once_across_restarts,
    notifications::completing_or_moving_a_task_cancels_its_reminder,
    notifications::a_task_given_by_the_head_is_announced_to_its_assignee,
    notifications::the_head_gets_the_overdue_digest_and_a_manager_does_not,
    notifications::a_refused_notification_comes_again_on_the_next_tick,
    notifications::a_long_sleep_brings_one_missed_digest,
    notifications::settings_are_versioned_and_validated,
    notifications::won_deals_and_paid_payments_ring_the_gong,
    notifications::gongs_missed_while_closed_reach_the_desktop_once,
    reports::dashboard_counts_plan_fact_and_forecast,
    reports::payment_plan_lists_the_week_with_expected_amounts,
    reports::funnel_counts_reached_stages_and_conversions,
    reports::time_in_stage_counts_closed_and_current_spells,
    reports::discipline_lists_what_breaks_the_rules,
    discipline::discipline_finds_far_plans_silent_losses_and_moved_overdue_tasks,
    reports::loss_reasons_count_by_reason_manager_and_stage,
    reports::lead_response_takes_the_first_contact,
    reports::report_figures_follow_deletes_restores_and_reordered_stages,
    reports::a_deal_moved_to_another_pipeline_counts_where_its_history_was,
    reports::new_vs_existing_splits_revenue_by_earlier_wins,
    reports::abc_xyz_ranks_clients_and_measures_steadiness,
    reports::revenue_follows_its_deal,
    reports::rollups_follow_deleted_and_restored_deals,
    reports::activity_counts_days_idle_clients_and_plans,
    reports::reports_refuse_a_reversed_period_and_render_as_tables,
    reports::reports_refuse_a_manager_or_pipeline_that_does_not_exist,
    loading::a_load_lands_whole_with_its_figures_or_not_at_all,
    loading::of_two_loads_at_once_the_second_is_refused,
    loading::a_load_started_while_another_runs_long_is_refused,
    exporting::export_json_is_the_pretty_text_of_every_table,
    exporting::export_json_reads_one_snapshot,
    exporting::export_json_reports_a_failed_write,
    live_changes::the_other_desktop_hears_what_changed_and_nothing_refused,
    catalog::the_catalog_is_the_admins_and_archived_products_stay_on_old_items,
    catalog::items_are_picked_edited_removed_and_the_amount_can_follow_them,
    catalog::payments_are_edited_cancelled_and_paid_on_a_chosen_day,
    documents::documents_are_attached_listed_read_and_deleted,
    documents::a_refused_document_writes_nothing,
    proposals::only_the_admin_sets_the_proposal_template,
    proposals::a_proposal_is_kept_with_its_deal_and_a_stage_may_require_it,
    regulations::only_the_head_and_the_admin_set_the_rotation,
    regulations::an_unprocessed_lead_passes_to_the_next_free_manager_and_the_head_is_told,
    regulations::of_two_schedulers_stepping_at_once_exactly_one_hands_each_lead_over,
    regulations::a_confirmed_loss_stays_lost_and_keeps_the_answers,
    regulations::a_reopened_deal_goes_back_to_work_with_a_task_and_no_new_review,
    check_ins::check_in_answers_are_kept_and_the_head_sees_who_answered,
    check_ins::a_clients_date_is_told_to_its_owner_a_day_ahead_once,
    handover::a_handover_moves_exactly_what_the_preview_shows,
    handover::several_receivers_share_a_handover_evenly,
    handover::chosen_companies_are_handed_over_with_their_records_only,
    handover::only_the_head_or_the_admin_hands_over_and_bad_receivers_are_refused,
    handover::the_receiver_is_told_of_each_task_handed_to_her,
    assigned_work::the_head_gives_tasks_to_anyone_a_manager_to_herself_only,
    assigned_work::an_overdue_task_moves_only_with_a_reason_that_is_kept,
    assigned_work::a_task_is_deleted_unless_it_is_its_open_deals_last,
    team_board::the_head_sees_each_managers_day_and_opens_her_today,
    team_board::every_deal_read_flags_an_open_deal_without_a_task,
    importing::import_dry_run_writes_nothing_and_counts_what_the_import_does,
    importing::import_duplicates_are_skipped_updated_or_refused,
    importing::import_owners_come_from_a_column_or_in_turn,
    importing::import_by_a_manager_is_for_herself_only,
    importing::import_failure_or_cancel_mid_way_leaves_the_database_as_it_was,
    importing::import_mapping_is_remembered_for_the_next_file,
    importing::import_of_deals_brings_their_company_and_contact,
    importing::import_of_contacts_links_or_makes_their_company,
);
