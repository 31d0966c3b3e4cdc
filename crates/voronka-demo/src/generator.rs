//! The generator's state between batches and the fixed part of the data: the team, the
//! pipelines, the dictionaries, and the monthly plans that close the last batch.

use crate::calendar::{Calendar, DAY, HOUR, MINUTE, first_of_month, month_label, month_number};
use crate::catalog::{self, Line, ProductSpec};
use crate::text::{latin, weighted_index};
use crate::{DemoOptions, DemoSummary, MAX_SCALE, MIN_SCALE};
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use voronka_core::ids::SplitMix64;
use voronka_core::model::{
    DEFAULT_LOSS_REASONS, DealField, DictionaryEntry, DictionaryEntryData, DictionaryKind, Language, LossReason,
    LossReasonData, Meta, Pipeline, PipelineData, Plan, PlanData, Product, ProductData, Role as UserRole, Stage,
    StageData, StageKind, User, UserData, default_entries, default_stages,
};
use voronka_core::types::{Currency, Email, PersonName, Phone, ShortText};
use voronka_core::{Error, Id, Result};
use voronka_store::Import;

/// Deals per batch: big enough for fast multi-row inserts, small enough to keep memory flat.
pub const DEAL_BATCH: u64 = 5_000;
pub const COMPANY_BATCH: usize = 5_000;
/// Months with plans: the six before the current one and the current one.
pub const PLAN_MONTHS: usize = 7;

pub fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// A v7 id whose random bits come from the generator's PRNG.
pub fn new_id(rng: &mut SplitMix64, ms: i64) -> Id {
    let random = ((rng.next_u64() as u128) << 64) | rng.next_u64() as u128;
    Id::v7(instant(ms), random)
}

pub fn meta(id: Id, created_ms: i64, updated_ms: i64, version: i64) -> Meta {
    Meta {
        id,
        created_at: instant(created_ms),
        updated_at: instant(updated_ms.max(created_ms)),
        version,
        deleted_at: None,
    }
}

/// What a stage asks of the manager, whatever the stage is called in its pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Lead,
    Qualify,
    Proposal,
    Meeting,
    Contract,
    Delivery,
    Docs,
    Won,
    Lost,
}

impl Role {
    fn of(name: &str, kind: StageKind, position: usize) -> Role {
        const BY_POSITION: [Role; 7] = [
            Role::Lead,
            Role::Qualify,
            Role::Proposal,
            Role::Meeting,
            Role::Contract,
            Role::Delivery,
            Role::Docs,
        ];
        match (kind, name) {
            (StageKind::Won, _) => Role::Won,
            (StageKind::Lost, _) => Role::Lost,
            (_, "Новий лід") => Role::Lead,
            (_, "Кваліфікація") => Role::Qualify,
            (_, "КП надіслано") => Role::Proposal,
            (_, "Зустріч") => Role::Meeting,
            (_, "Договір" | "Договір дилера") => Role::Contract,
            (_, "Поставка") => Role::Delivery,
            (_, "Закривні документи") => Role::Docs,
            _ => BY_POSITION[position.min(BY_POSITION.len() - 1)],
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone)]
pub struct StageRef {
    pub id: Id,
    pub name: String,
    pub kind: StageKind,
    pub role: Role,
    pub win_probability: i64,
    pub required: Vec<DealField>,
}

#[derive(Debug, Clone)]
pub struct PipelineRef {
    pub id: Id,
    pub stages: Vec<StageRef>,
    /// Indices of the open stages, in order.
    pub open: Vec<usize>,
    pub won: usize,
    pub lost: usize,
    pub dealers: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Manager {
    pub id: Id,
    /// Percent: 100 is the team's average win rate, 130 a strong closer.
    pub skill: u64,
    /// Percent: how reliably tasks are done on time and leads answered fast.
    pub discipline: u64,
}

#[derive(Debug, Clone)]
pub struct ProductRef {
    pub id: Id,
    pub name: ShortText,
    pub spec: &'static ProductSpec,
}

/// What the deals need to know about a company generated in an earlier batch.
#[derive(Debug, Clone)]
pub struct CompanyRef {
    pub id: Id,
    /// Working second of creation.
    pub created: i64,
    pub name: Box<str>,
    pub city: u8,
    pub contacts_start: u32,
    pub contacts_len: u8,
    pub lead_source: u8,
    pub line: Line,
}

/// Task titles, validated once.
#[derive(Debug, Clone)]
pub struct Titles {
    pub work: Vec<ShortText>,
    pub follow_up: Vec<ShortText>,
    pub review_lost: ShortText,
}

#[derive(Debug)]
pub struct Team {
    pub head: Id,
    pub managers: Vec<Manager>,
    /// Share of the clients each manager owns.
    pub manager_weights: Vec<u64>,
    /// Share of the deals each manager runs: the same, for managers who own a client.
    pub deal_weights: Vec<u64>,
    /// Each manager's companies, in order of creation.
    pub companies_of: Vec<Vec<u32>>,
    pub pipelines: Vec<PipelineRef>,
    pub loss_reasons: Vec<Id>,
    pub products: Vec<ProductRef>,
    /// Product indices per line: (main products, accessories).
    pub lines: [(Vec<usize>, Vec<usize>); 3],
    pub titles: Titles,
}

/// Phones, e-mails, legal ids and names already handed out: clients must not look like
/// duplicates of each other.
#[derive(Debug, Default)]
pub struct Unique {
    pub phones: HashSet<u64>,
    pub legal_ids: HashSet<u64>,
    pub emails: HashSet<String>,
    pub domains: HashSet<String>,
    pub names: HashSet<String>,
}

/// Per manager and plan month: what actually happened, so plans can be set around it.
#[derive(Debug, Default)]
pub struct Stats {
    pub first_month: i64,
    pub paid: Vec<[i64; PLAN_MONTHS]>,
    pub calls: Vec<[i64; PLAN_MONTHS]>,
    pub meetings: Vec<[i64; PLAN_MONTHS]>,
}

impl Stats {
    pub fn month_of(&self, cal: &Calendar, at: i64) -> Option<usize> {
        let m = month_number(cal.date(at)) - self.first_month;
        (0..PLAN_MONTHS as i64).contains(&m).then_some(m as usize)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Setup,
    Companies,
    Deals,
    Done,
}

/// Generates the demo batch by batch; `generate` and `load` both drive it.
#[derive(Debug)]
pub struct DemoGenerator {
    pub(crate) opts: DemoOptions,
    pub(crate) rng: SplitMix64,
    pub(crate) cal: Calendar,
    step: Step,
    setup: Option<Import>,
    summary: DemoSummary,
    pub(crate) team: Team,
    pub(crate) unique: Unique,
    /// Creation times of all companies, ascending; company `i` gets `company_times[i]`.
    pub(crate) company_times: Vec<i64>,
    pub(crate) companies: Vec<CompanyRef>,
    /// Contact ids of all companies, in company order (see `CompanyRef::contacts_start`).
    pub(crate) contacts: Vec<Id>,
    pub(crate) deals_done: u64,
    pub(crate) stats: Stats,
    pub(crate) invoice_seq: u64,
}

impl DemoGenerator {
    pub fn new(opts: &DemoOptions) -> Result<DemoGenerator> {
        if !(MIN_SCALE..=MAX_SCALE).contains(&opts.scale) {
            return Err(Error::invalid(
                "scale",
                format!("the demo has {MIN_SCALE} to {MAX_SCALE} deals, not {}", opts.scale),
            ));
        }
        let cal = Calendar::new(opts.today);
        let mut rng = SplitMix64::new(opts.seed ^ 0xD340_DA7A);
        let mut setup = Import::default();
        let team = build_team(&mut rng, &cal, opts.scale, &mut setup)?;
        let set_up_at = setup.pipelines.first().map(|p| p.meta.created_at.timestamp_millis());
        dictionaries(opts.seed, set_up_at.unwrap_or(cal.window_start()), &mut setup)?;

        let company_count = (opts.scale / 3).max(10) as usize;
        let window = cal.window_start();
        let latest = cal.now() - DAY / 2;
        let mut company_times: Vec<i64> = (0..company_count)
            .map(|_| {
                // About a third are long-standing clients, the rest arrived during the window.
                if rng.chance(35) {
                    rng.range(0, window - 1)
                } else {
                    rng.range(window, latest)
                }
            })
            .collect();
        company_times.sort_unstable();

        let first_month = month_number(opts.today) - (PLAN_MONTHS as i64 - 1);
        let managers = team.managers.len();
        Ok(DemoGenerator {
            opts: opts.clone(),
            rng,
            cal,
            step: Step::Setup,
            setup: Some(setup),
            summary: DemoSummary::default(),
            team,
            unique: Unique::default(),
            company_times,
            companies: Vec::with_capacity(company_count),
            contacts: Vec::with_capacity(company_count * 2),
            deals_done: 0,
            stats: Stats {
                first_month,
                paid: vec![[0; PLAN_MONTHS]; managers],
                calls: vec![[0; PLAN_MONTHS]; managers],
                meetings: vec![[0; PLAN_MONTHS]; managers],
            },
            invoice_seq: 0,
        })
    }

    /// The next batch, or `None` when everything has been handed out.
    pub fn next_batch(&mut self) -> Result<Option<Import>> {
        let batch = match self.step {
            Step::Setup => {
                self.step = Step::Companies;
                self.setup.take().unwrap_or_default()
            }
            Step::Companies => {
                let end = (self.companies.len() + COMPANY_BATCH).min(self.company_times.len());
                let n = end - self.companies.len();
                let mut batch = Import {
                    companies: Vec::with_capacity(n),
                    contacts: Vec::with_capacity(n * 2),
                    ..Import::default()
                };
                while self.companies.len() < end {
                    self.company(&mut batch)?;
                }
                if self.companies.len() == self.company_times.len() {
                    let team = &mut self.team;
                    team.deal_weights = (0..team.managers.len())
                        .map(|m| {
                            if team.companies_of[m].is_empty() {
                                0
                            } else {
                                team.manager_weights[m]
                            }
                        })
                        .collect();
                    // Only companies needed these: free them before the long part.
                    self.unique = Unique::default();
                    self.company_times = Vec::new();
                    self.step = Step::Deals;
                }
                batch
            }
            Step::Deals => {
                let end = (self.deals_done + DEAL_BATCH).min(self.opts.scale);
                // Sized from what a deal brings on average, so the lists do not regrow.
                let n = (end - self.deals_done) as usize;
                let mut batch = Import {
                    deals: Vec::with_capacity(n),
                    stage_spells: Vec::with_capacity(n * 9 / 2),
                    deal_items: Vec::with_capacity(n * 5 / 2),
                    payments: Vec::with_capacity(n * 2 / 3),
                    tasks: Vec::with_capacity(n * 5),
                    activities: Vec::with_capacity(n * 17),
                    ..Import::default()
                };
                while self.deals_done < end {
                    self.deal(&mut batch)?;
                    self.deals_done += 1;
                }
                if self.deals_done == self.opts.scale {
                    self.plans(&mut batch)?;
                    self.step = Step::Done;
                }
                batch
            }
            Step::Done => return Ok(None),
        };
        self.summary.count(&batch);
        Ok(Some(batch))
    }

    pub fn deals_done(&self) -> u64 {
        self.deals_done
    }

    /// Counts of what has been handed out so far.
    pub fn summary(&self) -> &DemoSummary {
        &self.summary
    }

    /// Plans the head set before each month: around what the manager then achieved, so the
    /// plan/fact chart zigzags between about 80 % and 125 %; the current month's plan is a
    /// stretch on the recent average.
    fn plans(&mut self, out: &mut Import) -> Result<()> {
        let DemoGenerator {
            rng, cal, team, stats, ..
        } = self;
        let current = PLAN_MONTHS - 1;
        let round = |minor: i64, step: i64| ((minor + step / 2) / step * step).max(step);
        let mut team_targets = [(0i64, 0i64, 0i64); PLAN_MONTHS];
        for (m, manager) in team.managers.iter().enumerate() {
            let recent = |series: &[i64; PLAN_MONTHS]| series[current - 3..current].iter().sum::<i64>() / 3;
            for (month, team_target) in team_targets.iter_mut().enumerate() {
                let (paid, calls, meetings) = if month == current {
                    let stretch = rng.range(100, 120);
                    (
                        recent(&stats.paid[m]) * stretch / 100,
                        recent(&stats.calls[m]) * stretch / 100,
                        recent(&stats.meetings[m]) * stretch / 100,
                    )
                } else {
                    let factor = rng.range(80, 125);
                    (
                        stats.paid[m][month] * 100 / factor,
                        stats.calls[m][month] * 100 / factor,
                        stats.meetings[m][month] * 100 / factor,
                    )
                };
                let revenue_target = round(paid, 1_000_000);
                let calls_target = round(calls, 10);
                let meetings_target = round(meetings, 1);
                team_target.0 += revenue_target;
                team_target.1 += calls_target;
                team_target.2 += meetings_target;
                out.plans.push(plan(
                    rng,
                    cal,
                    stats.first_month + month as i64,
                    Some(manager.id),
                    (revenue_target, calls_target, meetings_target),
                ));
            }
        }
        for (month, targets) in team_targets.iter().enumerate() {
            out.plans
                .push(plan(rng, cal, stats.first_month + month as i64, None, *targets));
        }
        Ok(())
    }
}

fn plan(rng: &mut SplitMix64, cal: &Calendar, month: i64, user_id: Option<Id>, targets: (i64, i64, i64)) -> Plan {
    // Set on the last working day before the month, in the afternoon.
    let at = cal.ms(cal.before_date(first_of_month(month)) - rng.range(HOUR, 3 * HOUR));
    Plan {
        meta: meta(new_id(rng, at), at, at, 1),
        data: PlanData {
            user_id,
            month: month_label(month),
            revenue_target: targets.0,
            currency: Currency::uah(),
            calls_target: targets.1,
            meetings_target: targets.2,
        },
    }
}

/// The team, the pipelines and the dictionaries: the first batch.
fn build_team(rng: &mut SplitMix64, cal: &Calendar, scale: u64, out: &mut Import) -> Result<Team> {
    // The admin set the CRM up at the start of the history; people joined over the next weeks.
    let mut clock = DAY + 2 * HOUR;
    let mut tick = |rng: &mut SplitMix64| {
        clock += rng.range(5 * MINUTE, 40 * MINUTE);
        cal.ms(clock)
    };
    let mut used_names = HashSet::new();
    let mut person = |rng: &mut SplitMix64, female: bool| -> (String, String) {
        loop {
            let first = if female {
                *rng.pick(catalog::FEMALE_NAMES)
            } else {
                *rng.pick(catalog::MALE_NAMES)
            };
            let (m, f) = *rng.pick(catalog::SURNAMES);
            let last = if female { f } else { m };
            // Namesakes in one small team would confuse every report; the catalogue has more
            // surnames than the largest team has people.
            if used_names.insert(m) {
                let email = format!("{}.{}@budpostach.com.ua", latin(first), latin(last));
                return (format!("{first} {last}"), email);
            }
        }
    };
    let mut user = |rng: &mut SplitMix64, at: i64, name: &str, email: &str, role: UserRole, active: bool| {
        let user = User {
            meta: meta(new_id(rng, at), at, at, 1),
            data: UserData {
                name: PersonName::parse(name)?,
                email: Some(Email::parse(email)?),
                // The office's numbers in turn, without drawing from `rng`: the rest of the
                // department stays what the seed makes it.
                phone: Some(Phone::parse(&format!("044 500 {:04}", out.users.len() + 1))?),
                role,
                active,
                time_zone: "Europe/Kyiv".into(),
                language: Language::Uk,
            },
        };
        let id = user.meta.id;
        out.users.push(user);
        Ok::<Id, Error>(id)
    };

    let at = tick(rng);
    let (name, email) = person(rng, false);
    user(rng, at, &name, &email, UserRole::Admin, true)?;
    let at = tick(rng);
    let (name, email) = person(rng, true);
    let head = user(rng, at, &name, &email, UserRole::Head, true)?;

    let manager_count = (6 + scale / 20_000).min(60) as usize;
    let mut managers = Vec::with_capacity(manager_count);
    let mut manager_weights = Vec::with_capacity(manager_count);
    for _ in 0..manager_count {
        let at = tick(rng);
        let female = rng.chance(45);
        let (name, email) = person(rng, female);
        let id = user(rng, at, &name, &email, UserRole::Manager, true)?;
        managers.push(Manager {
            id,
            skill: rng.range(70, 130) as u64,
            discipline: rng.range(50, 100) as u64,
        });
        manager_weights.push(rng.range(60, 140) as u64);
    }
    // A manager who left: the clients were handed over, the account stays for the history.
    let at = tick(rng);
    let female = rng.chance(50);
    let (name, email) = person(rng, female);
    user(rng, at, &name, &email, UserRole::Manager, false)?;

    let mut pipelines = Vec::new();
    let main_stages: Vec<(String, StageKind, i64, Vec<DealField>)> = default_stages()
        .into_iter()
        .map(|(name, kind, p, req)| (name.to_string(), kind, p, req))
        .collect();
    let at = tick(rng);
    pipelines.push(pipeline(rng, at, "Продажі", 0, true, &main_stages, false, out)?);
    if scale >= 1_000 {
        use DealField::*;
        let dealer_stages = vec![
            ("Заявка дилера".to_string(), StageKind::Open, 10, vec![]),
            ("Переговори".to_string(), StageKind::Open, 30, vec![Company, Contact]),
            (
                "Комерційні умови".to_string(),
                StageKind::Open,
                45,
                vec![Company, Contact, Amount],
            ),
            (
                "Договір дилера".to_string(),
                StageKind::Open,
                70,
                vec![Company, Contact, Amount, ExpectedCloseDate, SalesChannel],
            ),
            (
                "Дилер підключений".to_string(),
                StageKind::Won,
                100,
                vec![Company, Contact, Amount, Items],
            ),
            ("Відмова".to_string(), StageKind::Lost, 0, vec![]),
        ];
        let at = tick(rng);
        pipelines.push(pipeline(rng, at, "Дилери", 1, false, &dealer_stages, true, out)?);
    }

    let mut loss_reasons = Vec::new();
    for (i, reason) in DEFAULT_LOSS_REASONS.iter().enumerate() {
        let at = tick(rng);
        let reason = LossReason {
            meta: meta(new_id(rng, at), at, at, 1),
            data: LossReasonData {
                name: ShortText::parse(reason.uk)?,
                position: i as i64,
                active: true,
            },
        };
        loss_reasons.push(reason.meta.id);
        out.loss_reasons.push(reason);
    }

    let mut products = Vec::new();
    let mut lines: [(Vec<usize>, Vec<usize>); 3] = Default::default();
    for (i, spec) in catalog::PRODUCTS.iter().enumerate() {
        let at = tick(rng);
        let product = Product {
            meta: meta(new_id(rng, at), at, at, 1),
            data: ProductData {
                name: ShortText::parse(spec.name)?,
                sku: Some(spec.sku.to_string()),
                unit: spec.unit.to_string(),
                price: spec.price_uah * 100,
                currency: Currency::uah(),
                stock: spec.stock as f64,
                lead_time_days: spec.lead_time_days,
            },
        };
        let line = &mut lines[spec.line as usize];
        if spec.main { &mut line.0 } else { &mut line.1 }.push(i);
        products.push(ProductRef {
            id: product.meta.id,
            name: product.data.name.clone(),
            spec,
        });
        out.products.push(product);
    }

    let titles = Titles {
        work: crate::deals::WORK
            .iter()
            .map(|w| ShortText::parse(w.task))
            .collect::<Result<_>>()?,
        follow_up: crate::deals::WORK
            .iter()
            .map(|w| ShortText::parse(w.follow_up))
            .collect::<Result<_>>()?,
        review_lost: ShortText::parse("Розібрати програну угоду")?,
    };
    Ok(Team {
        head,
        companies_of: vec![Vec::new(); managers.len()],
        deal_weights: Vec::new(),
        managers,
        manager_weights,
        pipelines,
        loss_reasons,
        products,
        lines,
        titles,
    })
}

/// The dictionaries the demo's records name, as a Ukrainian department starts with them. Their
/// ids come from a generator of their own, so the rest of the demo stays what it was before
/// the dictionaries were kept in the database.
fn dictionaries(seed: u64, at: i64, out: &mut Import) -> Result<()> {
    let mut rng = SplitMix64::new(seed ^ 0xD1C7_10A7);
    for dictionary in DictionaryKind::ALL {
        for (i, entry) in default_entries(dictionary).iter().enumerate() {
            out.dictionary_entries.push(DictionaryEntry {
                meta: meta(new_id(&mut rng, at), at, at, 1),
                dictionary,
                code: entry.code.to_string(),
                data: DictionaryEntryData {
                    name: ShortText::parse(entry.uk)?,
                    position: i as i64,
                    active: true,
                },
            });
        }
    }
    Ok(())
}

#[allow(
    clippy::too_many_arguments,
    reason = "one call per pipeline, each argument a plain fact"
)]
fn pipeline(
    rng: &mut SplitMix64,
    at: i64,
    name: &str,
    position: i64,
    is_default: bool,
    stages: &[(String, StageKind, i64, Vec<DealField>)],
    dealers: bool,
    out: &mut Import,
) -> Result<PipelineRef> {
    let record = Pipeline {
        meta: meta(new_id(rng, at), at, at, 1),
        data: PipelineData {
            name: ShortText::parse(name)?,
            position,
            is_default,
        },
        archived: false,
    };
    let pipeline_id = record.meta.id;
    out.pipelines.push(record);
    let mut refs = Vec::with_capacity(stages.len());
    let mut open_position = 0;
    for (i, (name, kind, probability, required)) in stages.iter().enumerate() {
        let stage = Stage {
            meta: meta(new_id(rng, at + i as i64), at + i as i64, at + i as i64, 1),
            data: StageData {
                pipeline_id,
                name: ShortText::parse(name)?,
                position: i as i64,
                kind: *kind,
                win_probability: *probability,
                required_fields: required.clone(),
            },
            archived: false,
        };
        let role = Role::of(name, *kind, open_position);
        if *kind == StageKind::Open {
            open_position += 1;
        }
        refs.push(StageRef {
            id: stage.meta.id,
            name: name.clone(),
            kind: *kind,
            role,
            win_probability: *probability,
            required: required.clone(),
        });
        out.stages.push(stage);
    }
    let open: Vec<usize> = (0..refs.len()).filter(|i| refs[*i].kind == StageKind::Open).collect();
    let won = refs.iter().position(|s| s.kind == StageKind::Won);
    let lost = refs.iter().position(|s| s.kind == StageKind::Lost);
    let (Some(won), Some(lost), false) = (won, lost, open.is_empty()) else {
        return Err(Error::invalid(
            "stages",
            format!("the pipeline «{name}» needs open stages, a won stage and a lost stage"),
        ));
    };
    Ok(PipelineRef {
        id: pipeline_id,
        stages: refs,
        open,
        won,
        lost,
        dealers,
    })
}

/// An index into `weights`-weighted managers.
pub fn pick_manager(rng: &mut SplitMix64, team: &Team) -> usize {
    weighted_index(rng, &team.manager_weights)
}
