//! `voronka-cli bench`: the latency of what a manager does all day, against the open database.
//! Queries are drawn from the data itself (fragments of real names, phones, emails, cities) by a
//! seeded generator, so two runs on the same data ask the same questions.

use anyhow::Context;
use std::time::{Duration, Instant};
use voronka_core::ids::SplitMix64;
use voronka_core::model::{Company, User};
use voronka_core::reports::{ReportFilter, ReportName, ReportOptions};
use voronka_store::{Backend, CompanyFilter, ContactFilter, DealFilter, Page, Store, TimelineOf};

/// Targets on the reference machine (2 cores), in milliseconds at the 95th percentile.
fn targets(backend: Backend) -> [(&'static str, f64); 3] {
    let search = if backend == Backend::Sqlite { 20.0 } else { 50.0 };
    [
        ("quick search", search),
        ("deal list page (owner + stage)", 10.0),
        ("company card", 10.0),
    ]
}

struct Sample {
    name: &'static str,
    times: Vec<Duration>,
}

impl Sample {
    fn percentile(&self, p: f64) -> f64 {
        let mut sorted = self.times.clone();
        sorted.sort();
        let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        sorted.get(idx).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
    }
}

pub async fn run(store: &Store, iterations: usize) -> anyhow::Result<()> {
    let mut rng = SplitMix64::new(42);
    let companies = sample_companies(store, &mut rng, 100).await?;
    anyhow::ensure!(
        !companies.is_empty(),
        "the database has no companies: load demo data first"
    );
    let users: Vec<User> = store.list_users().await?;
    let pipelines = store.list_pipelines().await?;
    let mut stages = Vec::new();
    for p in &pipelines {
        stages.extend(store.list_stages(p.meta.id).await?);
    }
    let queries = search_queries(&companies, &mut rng, iterations);

    let mut search = Sample {
        name: "quick search",
        times: Vec::new(),
    };
    let mut found = 0usize;
    for q in &queries {
        let t = Instant::now();
        found += store.search(q, Page::first(20)).await?.items.len();
        search.times.push(t.elapsed());
    }

    let mut list = Sample {
        name: "deal list page (owner + stage)",
        times: Vec::new(),
    };
    let mut listed = 0usize;
    for _ in 0..iterations {
        let filter = DealFilter {
            owner_id: Some(rng.pick(&users).meta.id),
            stage_id: Some(rng.pick(&stages).meta.id),
            ..Default::default()
        };
        let t = Instant::now();
        listed += store.list_deals(&filter, Page::first(50)).await?.items.len();
        list.times.push(t.elapsed());
    }

    let mut card = Sample {
        name: "company card",
        times: Vec::new(),
    };
    for _ in 0..iterations {
        let id = rng.pick(&companies).meta.id;
        let t = Instant::now();
        let company: Company = store.get(id).await?;
        let contacts = store
            .list_contacts(
                &ContactFilter {
                    company_id: Some(id),
                    ..Default::default()
                },
                Page::first(50),
            )
            .await?;
        let deals = store
            .list_deals(
                &DealFilter {
                    company_id: Some(id),
                    ..Default::default()
                },
                Page::first(50),
            )
            .await?;
        let timeline = store.timeline(TimelineOf::Company(id), Page::first(50)).await?;
        card.times.push(t.elapsed());
        std::hint::black_box((company, contacts, deals, timeline));
    }

    println!(
        "backend: {:?}, {iterations} runs each; {found} search hits, {listed} deals listed",
        store.backend()
    );
    println!(
        "{:<32} {:>9} {:>9} {:>9} {:>9}  verdict",
        "operation", "p50 ms", "p95 ms", "max ms", "target"
    );
    for (sample, (_, target)) in [&search, &list, &card].into_iter().zip(targets(store.backend())) {
        let p95 = sample.percentile(0.95);
        println!(
            "{:<32} {:>9.2} {:>9.2} {:>9.2} {:>9.1}  {}",
            sample.name,
            sample.percentile(0.5),
            p95,
            sample.percentile(1.0),
            target,
            if p95 <= target { "ok" } else { "OVER" }
        );
    }
    reports(store, &ReportName::ALL, iterations.clamp(1, 10)).await
}

/// The reports' targets: their time, and their time over the same SQL run bare.
const REPORT_TARGET_MS: f64 = 300.0;
const REPORT_TARGET_RATIO: f64 = 1.3;

/// Each report over the last 30 days of the data (a month, as the head reads it day to day) and
/// over the last 180 (half a year, almost all of the demo data), through the store and as the
/// same SQL run bare (rows fetched and dropped, nothing mapped); the ratio is what building the
/// result costs.
pub async fn reports(store: &Store, names: &[ReportName], iterations: usize) -> anyhow::Result<()> {
    let newest = store.list_deals(&DealFilter::default(), Page::first(1)).await?;
    let to = newest
        .items
        .first()
        .map(|d| d.meta.created_at.date_naive())
        .context("the database has no deals")?;
    for days in [30, 180] {
        let filter = ReportFilter {
            from: to - chrono::Days::new(days),
            to,
            pipeline_id: None,
            manager_id: None,
        };
        reports_over(store, &filter, names, iterations).await?;
    }
    Ok(())
}

async fn reports_over(
    store: &Store,
    filter: &ReportFilter,
    names: &[ReportName],
    iterations: usize,
) -> anyhow::Result<()> {
    let options = ReportOptions::default();
    println!(
        "\nreports over {} – {}, best of {iterations} runs each (targets: ≤ {REPORT_TARGET_MS} ms, ≤ {REPORT_TARGET_RATIO} × bare)",
        filter.from, filter.to
    );
    println!(
        "{:<18} {:>10} {:>10} {:>7} {:>9}  verdict",
        "report", "store ms", "bare ms", "ratio", "rows"
    );
    for &name in names {
        let (mut full, mut bare, mut rows) = (f64::MAX, f64::MAX, 0);
        for _ in 0..iterations {
            let t = Instant::now();
            std::hint::black_box(store.report(name, filter, &options).await?);
            full = full.min(t.elapsed().as_secs_f64() * 1000.0);
            let t = Instant::now();
            rows = store.report_bare(name, filter, &options).await?;
            bare = bare.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        let ratio = full / bare.max(1e-9);
        let ok = full <= REPORT_TARGET_MS && ratio <= REPORT_TARGET_RATIO;
        println!(
            "{:<18} {:>10.2} {:>10.2} {:>7.2} {:>9}  {}",
            name.as_str(),
            full,
            bare,
            ratio,
            rows,
            if ok { "ok" } else { "OVER" }
        );
    }
    Ok(())
}

/// Companies spread over the whole table.
async fn sample_companies(store: &Store, rng: &mut SplitMix64, n: usize) -> anyhow::Result<Vec<Company>> {
    let mut out = Vec::new();
    let total = {
        // Find the table's size by doubling: lists never count.
        let mut hi = 1u32;
        while !store
            .list_companies(&CompanyFilter::default(), Page { offset: hi, limit: 1 })
            .await?
            .items
            .is_empty()
        {
            hi = hi.saturating_mul(2);
            if hi > 50_000_000 {
                break;
            }
        }
        hi
    };
    for _ in 0..n {
        let offset = rng.below(total as u64) as u32;
        out.extend(
            store
                .list_companies(&CompanyFilter::default(), Page { offset, limit: 1 })
                .await?
                .items,
        );
    }
    Ok(out)
}

/// What people type: a word of a name, phone digits (3 to 7 of them, from any position), an
/// email's domain part, a city.
fn search_queries(companies: &[Company], rng: &mut SplitMix64, n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let c = &rng.pick(companies).data;
        let query = match rng.below(4) {
            0 => c
                .name
                .as_str()
                .split_whitespace()
                .rfind(|w| w.chars().count() >= 4)
                .map(|w| w.chars().filter(|ch| ch.is_alphanumeric()).take(5).collect()),
            1 => c.work_phone.as_ref().map(|p| {
                let d = p.as_str();
                let len = rng.range(3, 7) as usize;
                let start = rng.below((d.len() - len) as u64) as usize;
                d[start..start + len].to_string()
            }),
            2 => c
                .email
                .as_ref()
                .map(|e| e.as_str().split('@').next().unwrap_or("").chars().take(6).collect()),
            _ => c.city.clone(),
        };
        if let Some(q) = query.filter(|q: &String| q.chars().count() >= 3) {
            out.push(q);
        }
    }
    out
}
