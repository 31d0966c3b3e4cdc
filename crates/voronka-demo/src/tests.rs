use super::*;
use crate::generator::DEAL_BATCH;
use chrono::{DateTime, NaiveTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};
use voronka_core::Id;
use voronka_core::model::{
    ActivityKind, DealFacts, DealStatus, DictionaryKind, PaymentStatus, Role, StageKind, TaskKind, meaningful_result,
    name_key, title_from_template,
};
use voronka_core::rules::check_stage_entry;

fn options(seed: u64, scale: u64) -> DemoOptions {
    DemoOptions {
        seed,
        scale,
        today: NaiveDate::from_ymd_opt(2026, 3, 30).expect("a date"),
    }
}

fn run(opts: &DemoOptions) -> (Vec<Import>, DemoSummary) {
    let mut batches = Vec::new();
    let summary = generate(opts, &mut |batch| {
        batches.push(batch);
        Ok(())
    })
    .expect("demo data generates");
    (batches, summary)
}

/// Everything the batches hold, as JSON, in load order.
fn json(batches: &[Import]) -> String {
    let mut out = String::new();
    for b in batches {
        let parts = [
            serde_json::to_string(&b.users),
            serde_json::to_string(&b.pipelines),
            serde_json::to_string(&b.stages),
            serde_json::to_string(&b.loss_reasons),
            serde_json::to_string(&b.products),
            serde_json::to_string(&b.companies),
            serde_json::to_string(&b.contacts),
            serde_json::to_string(&b.deals),
            serde_json::to_string(&b.stage_spells),
            serde_json::to_string(&b.deal_items),
            serde_json::to_string(&b.payments),
            serde_json::to_string(&b.tasks),
            serde_json::to_string(&b.activities),
            serde_json::to_string(&b.documents),
            serde_json::to_string(&b.plans),
        ];
        for part in parts {
            out.push_str(&part.expect("records serialise"));
            out.push('\n');
        }
    }
    out
}

/// All records of all batches in one place, for the invariant checks.
fn all(batches: Vec<Import>) -> Import {
    let mut a = Import::default();
    for b in batches {
        a.users.extend(b.users);
        a.pipelines.extend(b.pipelines);
        a.stages.extend(b.stages);
        a.loss_reasons.extend(b.loss_reasons);
        a.dictionary_entries.extend(b.dictionary_entries);
        a.products.extend(b.products);
        a.companies.extend(b.companies);
        a.contacts.extend(b.contacts);
        a.deals.extend(b.deals);
        a.stage_spells.extend(b.stage_spells);
        a.deal_items.extend(b.deal_items);
        a.payments.extend(b.payments);
        a.tasks.extend(b.tasks);
        a.activities.extend(b.activities);
        a.documents.extend(b.documents);
        a.plans.extend(b.plans);
    }
    a
}

/// Whether `value` is a code of the default dictionary `kind`.
fn is_entry(kind: DictionaryKind, value: &Option<String>) -> bool {
    value
        .as_deref()
        .is_some_and(|v| voronka_core::model::default_entries(kind).iter().any(|e| e.code == v))
}

fn start_of(today: NaiveDate) -> DateTime<Utc> {
    today.and_time(NaiveTime::MIN).and_utc()
}

#[test]
fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    let (a, sa) = run(&options(7, 300));
    let (b, sb) = run(&options(7, 300));
    let (c, _) = run(&options(8, 300));
    assert_eq!(sa, sb);
    let (ja, jb, jc) = (json(&a), json(&b), json(&c));
    assert!(ja == jb, "one seed and one day must give byte-identical batches");
    assert!(ja != jc, "another seed must give other data");
    let mut other_day = options(7, 300);
    other_day.today = NaiveDate::from_ymd_opt(2026, 4, 2).expect("a date");
    assert!(json(&run(&other_day).0) != ja, "another anchor day moves the data");
}

#[test]
fn counts_follow_the_scale() {
    let (batches, summary) = run(&options(42, 2_000));
    let deals_per_batch: Vec<usize> = batches.iter().map(|b| b.deals.len()).collect();
    assert!(
        deals_per_batch.iter().all(|n| *n as u64 <= DEAL_BATCH),
        "batches stay small: {deals_per_batch:?}"
    );
    let total: usize = batches.iter().map(Import::len).sum();
    let a = all(batches);
    assert_eq!(a.len(), total);
    assert_eq!(summary.deals, 2_000, "exactly `scale` deals");
    assert_eq!(a.deals.len(), 2_000);
    assert_eq!(summary.companies, 666, "about a third as many companies as deals");
    assert_eq!(summary.companies, a.companies.len());
    assert!(
        (a.companies.len()..=3 * a.companies.len()).contains(&a.contacts.len()),
        "1–3 contacts per company"
    );
    assert_eq!(summary.contacts, a.contacts.len());
    assert_eq!(summary.tasks, a.tasks.len());
    assert_eq!(summary.payments, a.payments.len());
    assert_eq!(summary.activities, a.activities.len());
    assert_eq!(summary.users, 9, "admin, head, six managers and one who left");
    assert_eq!(
        a.users
            .iter()
            .filter(|u| u.data.role == Role::Manager && u.data.active)
            .count(),
        6
    );
    assert_eq!(a.users.iter().filter(|u| u.data.role == Role::Head).count(), 1);
    assert!(a.users.iter().all(|u| u.data.time_zone == "Europe/Kyiv"));
    assert_eq!(a.pipelines.len(), 2, "a dealer pipeline from 1,000 deals on");
    assert_eq!(a.loss_reasons.len(), voronka_core::model::DEFAULT_LOSS_REASONS.len());
    for kind in voronka_core::model::DictionaryKind::ALL {
        let codes = a.dictionary_entries.iter().filter(|e| e.dictionary == kind).count();
        assert_eq!(
            codes,
            voronka_core::model::default_entries(kind).len(),
            "{kind:?}: the defaults"
        );
    }
    assert!(a.products.len() >= 30);
    assert_eq!(a.plans.len(), 7 * 7, "six managers and the team, seven months");
    assert!(a.deal_items.len() >= a.deals.len());

    let small = all(run(&options(42, 10)).0);
    assert_eq!(small.deals.len(), 10);
    assert_eq!(small.companies.len(), 10, "at least ten companies");
    assert_eq!(small.pipelines.len(), 1);
}

#[test]
fn scales_outside_the_range_are_refused() {
    for scale in [0, 9, 1_000_001] {
        let err = DemoGenerator::new(&options(1, scale)).expect_err("out of range");
        assert_eq!(err.field.as_deref(), Some("scale"), "scale {scale}");
    }
}

#[test]
fn every_deal_has_a_consistent_history_and_card() {
    let a = all(run(&options(3, 2_000)).0);
    let stages: HashMap<Id, &voronka_core::model::Stage> = a.stages.iter().map(|s| (s.meta.id, s)).collect();
    let first_stage: HashMap<Id, Id> = a
        .pipelines
        .iter()
        .map(|p| {
            let first = a
                .stages
                .iter()
                .filter(|s| s.data.pipeline_id == p.meta.id)
                .min_by_key(|s| s.data.position)
                .expect("a pipeline has stages");
            (p.meta.id, first.meta.id)
        })
        .collect();
    let mut spells: HashMap<Id, Vec<&voronka_core::model::StageSpell>> = HashMap::new();
    for s in &a.stage_spells {
        spells.entry(s.deal_id).or_default().push(s);
    }
    let mut items: HashMap<Id, Vec<&voronka_core::model::DealItem>> = HashMap::new();
    for i in &a.deal_items {
        items.entry(i.data.deal_id).or_default().push(i);
    }
    let company_contacts: HashMap<Id, HashSet<Id>> = a.contacts.iter().fold(HashMap::new(), |mut m, c| {
        m.entry(c.data.company_id.expect("contacts belong to companies"))
            .or_default()
            .insert(c.meta.id);
        m
    });
    let owners: HashMap<Id, Id> = a.companies.iter().map(|c| (c.meta.id, c.data.owner_id)).collect();
    let companies: HashMap<Id, &voronka_core::model::Company> = a.companies.iter().map(|c| (c.meta.id, c)).collect();
    let short_names: HashMap<&str, &str> = crate::catalog::PRODUCTS.iter().map(|p| (p.name, p.short)).collect();
    let loss_reasons: HashSet<Id> = a.loss_reasons.iter().map(|r| r.meta.id).collect();

    for deal in &a.deals {
        let history = &spells[&deal.meta.id];
        assert_eq!(
            history[0].stage_id, first_stage[&deal.data.pipeline_id],
            "starts at the first stage"
        );
        for pair in history.windows(2) {
            assert_eq!(pair[0].left_at, Some(pair[1].entered_at), "spells are consecutive");
            assert!(pair[0].entered_at < pair[1].entered_at, "time moves forward");
            let (a, b) = (stages[&pair[0].stage_id], stages[&pair[1].stage_id]);
            assert!(
                a.data.position < b.data.position,
                "deals move forward through the funnel"
            );
        }
        let last = history.last().expect("a history");
        assert_eq!(last.stage_id, deal.stage_id, "the last spell is the current stage");
        assert_eq!(last.left_at, None, "only the current spell is open");
        assert_eq!(history.iter().filter(|s| s.left_at.is_none()).count(), 1);
        assert_eq!(last.entered_at, deal.stage_entered_at);
        assert_eq!(history[0].entered_at, deal.meta.created_at);
        let stage = stages[&deal.stage_id];
        assert_eq!(stage.data.pipeline_id, deal.data.pipeline_id);
        assert_eq!(
            deal.status,
            DealStatus::from(stage.data.kind),
            "status matches the stage kind"
        );
        match deal.status {
            DealStatus::Open => assert!(deal.closed_at.is_none() && deal.loss_reason_id.is_none()),
            DealStatus::Won => assert_eq!(deal.closed_at, Some(deal.stage_entered_at)),
            DealStatus::Lost => {
                assert_eq!(deal.closed_at, Some(deal.stage_entered_at));
                assert!(loss_reasons.contains(&deal.loss_reason_id.expect("a loss reason")));
                assert!(deal.data.loss_comment.is_some(), "a lost deal explains itself");
            }
        }
        let lines = items.get(&deal.meta.id).map(Vec::as_slice).unwrap_or_default();
        assert_eq!(
            deal.data.amount,
            lines.iter().map(|i| i.data.total()).sum::<i64>(),
            "the amount is the sum of the items"
        );
        let facts = DealFacts {
            data: &deal.data,
            item_count: lines.len() as i64,
            proposal_count: 0,
        };
        for spell in history {
            let stage = stages[&spell.stage_id];
            check_stage_entry(&facts, stage, deal.loss_reason_id)
                .unwrap_or_else(|e| panic!("{} could not have entered {}: {e}", deal.data.title, stage.data.name));
        }
        let company = deal.data.company_id.expect("deals have a company");
        assert_eq!(
            deal.data.owner_id, owners[&company],
            "the company's manager owns its deals"
        );
        let card = companies[&company];
        let title = title_from_template(
            "{product} — {company} — {city}",
            &[
                ("product", short_names[lines[0].data.name.as_str()]),
                ("company", card.data.name.as_str()),
                ("city", card.data.city.as_deref().unwrap_or_default()),
            ],
        );
        assert_eq!(deal.data.title.as_str(), title, "titles follow the core's template");
        assert!(
            deal.meta.created_at >= card.meta.created_at,
            "the client existed before its deal"
        );
        assert!(!deal.data.contact_ids.is_empty());
        assert!(
            deal.data
                .contact_ids
                .iter()
                .all(|c| company_contacts[&company].contains(c)),
            "a deal's contacts work at its company"
        );
        assert!(deal.meta.created_at <= deal.meta.updated_at);
        assert_eq!(deal.meta.version, history.len() as i64, "every move is a new version");
    }

    let share = |status| a.deals.iter().filter(|d| d.status == status).count() * 100 / a.deals.len();
    let (won, lost) = (share(DealStatus::Won), share(DealStatus::Lost));
    assert!((18..=32).contains(&won), "about a quarter are won, not {won} %");
    assert!((13..=27).contains(&lost), "about a fifth are lost, not {lost} %");
    let open_at = |position: i64| {
        a.deals
            .iter()
            .filter(|d| {
                let s = stages[&d.stage_id];
                s.data.kind == StageKind::Open && s.data.position == position
            })
            .count()
    };
    assert!(
        open_at(0) > open_at(3) && open_at(1) > open_at(5),
        "open deals crowd the early stages"
    );
}

#[test]
fn tasks_follow_the_rules_of_the_sales_process() {
    let a = all(run(&options(5, 2_000)).0);
    let head = a
        .users
        .iter()
        .find(|u| u.data.role == Role::Head)
        .expect("a head")
        .meta
        .id;
    let now = start_of(options(5, 2_000).today);
    for task in &a.tasks {
        match (&task.done_at, &task.result) {
            (Some(done), Some(result)) => {
                assert_eq!(
                    meaningful_result(result).as_deref(),
                    Ok(result.as_str()),
                    "rule 3: a done task's result says something"
                );
                assert!(*done >= task.meta.created_at);
                assert_eq!(task.meta.updated_at, *done);
            }
            (None, None) => {}
            other => panic!("a task is done with a result or open without one: {other:?}"),
        }
    }
    let open_tasks: HashSet<Id> = a
        .tasks
        .iter()
        .filter(|t| t.done_at.is_none())
        .filter_map(|t| t.data.deal_id)
        .collect();
    let open_deals: Vec<_> = a.deals.iter().filter(|d| d.status == DealStatus::Open).collect();
    let with_task = open_deals.iter().filter(|d| open_tasks.contains(&d.meta.id)).count();
    assert!(
        with_task * 100 >= open_deals.len() * 90,
        "rule 2: nearly every open deal has an open task ({with_task} of {})",
        open_deals.len()
    );
    assert!(with_task < open_deals.len(), "a few slip, for the discipline report");
    let overdue = a.tasks.iter().filter(|t| t.is_overdue(now)).count();
    assert!(overdue > 0, "some tasks are overdue");
    let future = a
        .tasks
        .iter()
        .filter(|t| t.done_at.is_none() && t.data.due_at > now)
        .count();
    assert!(future > overdue, "most open tasks are still ahead");

    let reviews: HashMap<Id, &voronka_core::model::Task> = a
        .tasks
        .iter()
        .filter(|t| t.data.kind == TaskKind::ReviewLost)
        .map(|t| (t.data.deal_id.expect("a review is about a deal"), t))
        .collect();
    for deal in a.deals.iter().filter(|d| d.status == DealStatus::Lost) {
        let review = reviews.get(&deal.meta.id).expect("rule 5: every lost deal is reviewed");
        assert_eq!(review.data.assignee_id, head, "the head reviews lost deals");
    }
    let contacted: HashSet<Id> = a
        .tasks
        .iter()
        .filter(|t| t.data.kind == TaskKind::ContactLead)
        .filter_map(|t| t.data.deal_id)
        .collect();
    assert_eq!(contacted.len(), a.deals.len(), "rule 1: every lead gets a contact task");
    let fast = a
        .tasks
        .iter()
        .filter(|t| t.data.kind == TaskKind::ContactLead)
        .filter(|t| t.done_at.is_some_and(|d| d <= t.data.due_at))
        .count();
    assert!(
        fast * 100 > a.deals.len() * 50 && fast < a.deals.len(),
        "most leads, not all, are answered within 15 minutes ({fast})"
    );
}

#[test]
fn clients_do_not_look_like_duplicates() {
    let a = all(run(&options(11, 3_000)).0);
    let mut phones = HashSet::new();
    let mut emails = HashSet::new();
    let mut legal_ids = HashSet::new();
    let mut names = HashSet::new();
    for c in &a.companies {
        for p in [&c.data.work_phone, &c.data.mobile_phone].into_iter().flatten() {
            assert!(
                p.as_str().len() == 12 && p.as_str().starts_with("380"),
                "{p:?} is Ukrainian"
            );
            assert!(phones.insert(p.as_str().to_string()), "phone {p:?} is shared");
        }
        assert!(c.data.work_phone.is_some() || c.data.mobile_phone.is_some());
        if let Some(e) = &c.data.email {
            assert!(emails.insert(e.as_str().to_string()), "email {e:?} is shared");
        }
        let legal = c.data.legal_id.clone().expect("a legal id");
        assert!(legal.len() == 8 || legal.len() == 10);
        assert!(legal_ids.insert(legal.clone()), "legal id {legal} is shared");
        let key = (name_key(c.data.name.as_str()), c.data.city.clone());
        assert!(names.insert(key), "{} appears twice in one city", c.data.name);
        assert!(c.data.industry.is_some() && c.data.address.is_some() && c.data.lead_source.is_some());
        // What the demo's records name is in the dictionaries it loads.
        assert!(
            is_entry(DictionaryKind::Industry, &c.data.industry),
            "{:?}",
            c.data.industry
        );
        assert!(is_entry(DictionaryKind::LeadSource, &c.data.lead_source));
    }
    for d in &a.deals {
        assert!(is_entry(DictionaryKind::LeadSource, &d.data.lead_source) || d.data.lead_source.is_none());
        assert!(is_entry(DictionaryKind::SalesChannel, &d.data.sales_channel) || d.data.sales_channel.is_none());
        assert!(
            is_entry(DictionaryKind::CommunicationChannel, &d.data.communication_channel)
                || d.data.communication_channel.is_none()
        );
    }
    for call in a.activities.iter().filter(|x| x.data.kind == ActivityKind::Call) {
        assert!(is_entry(DictionaryKind::CallOutcome, &call.data.details.outcome));
    }
    let mut contact_phones = HashSet::new();
    for c in &a.contacts {
        for p in &c.data.phones {
            assert!(
                contact_phones.insert(p.as_str().to_string()),
                "contact phone {p:?} is shared"
            );
        }
    }
}

#[test]
fn nothing_happens_after_today_and_references_resolve_in_load_order() {
    for today in [(2026, 3, 30), (2026, 3, 29), (2025, 11, 1)] {
        let mut opts = options(9, 1_500);
        opts.today = NaiveDate::from_ymd_opt(today.0, today.1, today.2).expect("a date");
        let now = start_of(opts.today);
        let (batches, _) = run(&opts);
        let mut seen: HashSet<Id> = HashSet::new();
        let check = |id: Id, what: &str, seen: &HashSet<Id>| {
            assert!(seen.contains(&id), "{what} {id} is referred to before it is loaded");
        };
        for b in &batches {
            let mut metas = Vec::new();
            metas.extend(b.users.iter().map(|r| &r.meta));
            metas.extend(b.pipelines.iter().map(|r| &r.meta));
            metas.extend(b.stages.iter().map(|r| &r.meta));
            metas.extend(b.loss_reasons.iter().map(|r| &r.meta));
            metas.extend(b.products.iter().map(|r| &r.meta));
            metas.extend(b.companies.iter().map(|r| &r.meta));
            metas.extend(b.contacts.iter().map(|r| &r.meta));
            metas.extend(b.deals.iter().map(|r| &r.meta));
            metas.extend(b.deal_items.iter().map(|r| &r.meta));
            metas.extend(b.payments.iter().map(|r| &r.meta));
            metas.extend(b.tasks.iter().map(|r| &r.meta));
            metas.extend(b.activities.iter().map(|r| &r.meta));
            metas.extend(b.plans.iter().map(|r| &r.meta));
            for m in metas {
                assert!(
                    m.created_at <= m.updated_at && m.updated_at < now,
                    "{m:?} is in the past"
                );
                assert_eq!(
                    m.created_at.timestamp_subsec_micros() % 1_000,
                    0,
                    "millisecond precision"
                );
                assert!(m.deleted_at.is_none() && m.version >= 1);
                assert_eq!(m.id.0.get_version_num(), 7);
            }
            for s in &b.stage_spells {
                assert!(s.entered_at < now && s.left_at.is_none_or(|l| l < now));
            }
            for a in &b.activities {
                assert!(a.data.occurred_at < now);
            }
            for p in &b.payments {
                assert!(p.paid_at.is_none_or(|t| t < now));
                assert_eq!(p.paid_at.is_some(), p.status == PaymentStatus::Paid);
            }
            for t in &b.tasks {
                assert!(t.done_at.is_none_or(|d| d < now));
            }
            for d in &b.deals {
                assert!(d.closed_at.is_none_or(|c| c < now));
            }

            for r in &b.users {
                seen.insert(r.meta.id);
            }
            for r in &b.pipelines {
                seen.insert(r.meta.id);
            }
            for r in &b.stages {
                check(r.data.pipeline_id, "pipeline", &seen);
                seen.insert(r.meta.id);
            }
            for r in &b.loss_reasons {
                seen.insert(r.meta.id);
            }
            for r in &b.products {
                seen.insert(r.meta.id);
            }
            for r in &b.companies {
                check(r.data.owner_id, "owner", &seen);
                seen.insert(r.meta.id);
            }
            for r in &b.contacts {
                check(r.data.company_id.expect("a company"), "company", &seen);
                seen.insert(r.meta.id);
            }
            for r in &b.deals {
                check(r.data.company_id.expect("a company"), "company", &seen);
                check(r.stage_id, "stage", &seen);
                check(r.data.owner_id, "owner", &seen);
                r.data.contact_ids.iter().for_each(|c| check(*c, "contact", &seen));
                if let Some(reason) = r.loss_reason_id {
                    check(reason, "loss reason", &seen);
                }
                seen.insert(r.meta.id);
            }
            for r in &b.stage_spells {
                check(r.deal_id, "deal", &seen);
                check(r.stage_id, "stage", &seen);
            }
            for r in &b.deal_items {
                check(r.data.deal_id, "deal", &seen);
                check(r.data.product_id.expect("a product"), "product", &seen);
            }
            for r in &b.payments {
                check(r.data.deal_id, "deal", &seen);
            }
            for r in &b.tasks {
                check(r.data.deal_id.expect("a deal"), "deal", &seen);
                check(r.data.assignee_id, "assignee", &seen);
                check(r.author_id, "author", &seen);
                seen.insert(r.meta.id);
            }
            for r in &b.activities {
                check(r.data.deal_id.expect("a deal"), "deal", &seen);
                check(r.author_id, "author", &seen);
                if let Some(task) = r.data.details.task_id {
                    check(task, "task", &seen);
                }
            }
            for r in &b.plans {
                if let Some(user) = r.data.user_id {
                    check(user, "user", &seen);
                }
            }
        }
    }
}

#[test]
fn ids_are_unique() {
    let a = all(run(&options(13, 2_000)).0);
    let mut ids = HashSet::new();
    let mut add = |id: Id| assert!(ids.insert(id), "id {id} is used twice");
    a.users.iter().for_each(|r| add(r.meta.id));
    a.pipelines.iter().for_each(|r| add(r.meta.id));
    a.stages.iter().for_each(|r| add(r.meta.id));
    a.loss_reasons.iter().for_each(|r| add(r.meta.id));
    a.products.iter().for_each(|r| add(r.meta.id));
    a.companies.iter().for_each(|r| add(r.meta.id));
    a.contacts.iter().for_each(|r| add(r.meta.id));
    a.deals.iter().for_each(|r| add(r.meta.id));
    a.stage_spells.iter().for_each(|r| add(r.id));
    a.deal_items.iter().for_each(|r| add(r.meta.id));
    a.payments.iter().for_each(|r| add(r.meta.id));
    a.tasks.iter().for_each(|r| add(r.meta.id));
    a.activities.iter().for_each(|r| add(r.meta.id));
    a.plans.iter().for_each(|r| add(r.meta.id));
}

#[test]
fn money_adds_up_and_plans_cover_seven_months() {
    let opts = options(17, 2_000);
    let a = all(run(&opts).0);
    let now = start_of(opts.today);
    let mut paid_by_deal: HashMap<Id, (i64, i64)> = HashMap::new();
    for p in &a.payments {
        assert!(p.data.amount > 0);
        let e = paid_by_deal.entry(p.data.deal_id).or_default();
        if p.status != PaymentStatus::Cancelled {
            e.0 += p.data.amount;
        }
        if p.status == PaymentStatus::Paid {
            e.1 += p.data.amount;
        }
    }
    let mut won = 0;
    for d in &a.deals {
        let (scheduled, paid) = paid_by_deal.get(&d.meta.id).copied().unwrap_or_default();
        match d.status {
            DealStatus::Won => {
                won += 1;
                assert_eq!(scheduled, d.data.amount, "a won deal's payments add up to its amount");
                assert!(d.data.planned_payment_date.is_some());
            }
            DealStatus::Open => assert!(scheduled <= d.data.amount),
            DealStatus::Lost => assert_eq!(paid, 0, "a lost deal was never paid"),
        }
    }
    assert!(won > 0);
    // Once a contract is signed, money is scheduled: in every pipeline.
    let contract_or_later: HashSet<Id> = a
        .stages
        .iter()
        .filter(|s| ["Договір", "Поставка", "Закривні документи", "Договір дилера"].contains(&s.data.name.as_str()))
        .map(|s| s.meta.id)
        .collect();
    assert_eq!(contract_or_later.len(), 4);
    for d in a.deals.iter().filter(|d| contract_or_later.contains(&d.stage_id)) {
        let (scheduled, _) = paid_by_deal.get(&d.meta.id).copied().unwrap_or_default();
        assert_eq!(scheduled, d.data.amount, "{} has its payments scheduled", d.data.title);
    }
    let planned_overdue = a
        .payments
        .iter()
        .filter(|p| p.status == PaymentStatus::Planned && p.data.planned_date < opts.today)
        .count();
    let planned_ahead = a
        .payments
        .iter()
        .filter(|p| p.status == PaymentStatus::Planned && p.data.planned_date >= opts.today)
        .count();
    assert!(planned_overdue > 0 && planned_ahead > planned_overdue);
    assert!(a.payments.iter().any(|p| p.status == PaymentStatus::Cancelled));

    // Revenue arrives in every plan month, not only in the recent ones.
    let mut paid_by_month: BTreeMap<String, i64> = BTreeMap::new();
    for p in a.payments.iter().filter(|p| p.status == PaymentStatus::Paid) {
        let paid = p.paid_at.expect("paid").with_timezone(&chrono_tz::Europe::Kyiv);
        *paid_by_month.entry(paid.format("%Y-%m").to_string()).or_default() += p.data.amount;
    }
    let months: Vec<&String> = a
        .plans
        .iter()
        .filter(|p| p.data.user_id.is_none())
        .map(|p| &p.data.month)
        .collect();
    assert_eq!(months.len(), 7);
    assert_eq!(months.last().map(|m| m.as_str()), Some("2026-03"));
    for month in &months[..6] {
        let fact = paid_by_month.get(*month).copied().unwrap_or_default();
        let plan = a
            .plans
            .iter()
            .find(|p| p.data.user_id.is_none() && &&p.data.month == month)
            .expect("a team plan")
            .data
            .revenue_target;
        assert!(fact > 0, "payments arrive in {month}");
        let pct = fact * 100 / plan;
        assert!((60..=140).contains(&pct), "{month}: fact {fact} against plan {plan}");
    }
    for month in &months {
        let per_manager: i64 = a
            .plans
            .iter()
            .filter(|p| p.data.user_id.is_some() && &&p.data.month == month)
            .map(|p| p.data.revenue_target)
            .sum();
        let team = a
            .plans
            .iter()
            .find(|p| p.data.user_id.is_none() && &&p.data.month == month)
            .expect("a team plan");
        assert_eq!(
            team.data.revenue_target, per_manager,
            "the team plan is the sum of the managers'"
        );
        assert!(team.meta.created_at < now);
    }
}
