//! Deals and everything hanging on them: the walk through the stages, items, payments, the
//! tasks a manager did on the way and the calls, letters and meetings on the timeline.

use crate::calendar::{Calendar, DAY, HOUR, MINUTE};
use crate::catalog::{self, CITIES, Line, Qty};
use crate::generator::{DemoGenerator, Manager, PipelineRef, Role, Stats, instant, meta, new_id};
use crate::text::{weighted, weighted_index};
use voronka_core::ids::SplitMix64;
use voronka_core::model::{
    Activity, ActivityData, ActivityDetails, ActivityKind, Criterion, Deal, DealData, DealFacts, DealField, DealItem,
    DealItemData, DealStatus, DictionaryKind, Direction, Payment, PaymentData, PaymentStatus, StageSpell, Task,
    TaskData, TaskKind, default_entries,
};
use voronka_core::types::{Currency, DealTitle, ShortText};
use voronka_core::{Id, Result};
use voronka_store::Import;

/// What a manager does in each kind of stage, in `Role` order up to `Docs`.
#[derive(Debug)]
pub struct Work {
    pub kind: TaskKind,
    pub task: &'static str,
    pub follow_up_kind: TaskKind,
    pub follow_up: &'static str,
    pub results: &'static [&'static str],
    pub activity: ActivityKind,
    pub subject: Option<&'static str>,
    pub bodies: &'static [&'static str],
}

pub const WORK: [Work; 7] = [
    Work {
        kind: TaskKind::ContactLead,
        task: "Зв'язатися з новим лідом",
        follow_up_kind: TaskKind::Call,
        follow_up: "Кваліфікувати ліда: потреба, обсяг, терміни",
        results: &[
            "Зателефонував, клієнт підтвердив інтерес, домовились уточнити обсяги",
            "Додзвонився з другої спроби, запит актуальний, потрібен розрахунок",
            "Написав у Viber, клієнт відповів: потрібна ціна з доставкою",
            "Поговорили 5 хвилин: приватний будинок, дах близько 180 м², надішлю варіанти",
            "Клієнт на об'єкті, попросив передзвонити після 16:00 — передзвонив, потреба підтверджена",
        ],
        activity: ActivityKind::Call,
        subject: None,
        bodies: &[
            "Перший дзвінок за заявкою: уточнив, що потрібно і на коли",
            "Дзвінок за заявкою з сайту, клієнт чекав на зв'язок",
            "Вхідна заявка: коротко розпитав про об'єкт",
        ],
    },
    Work {
        kind: TaskKind::Call,
        task: "Уточнити потребу, бюджет і терміни",
        follow_up_kind: TaskKind::Call,
        follow_up: "Передзвонити: уточнити бюджет і хто вирішує",
        results: &[
            "Бюджет до 300 тис. грн, закупівля в найближчий місяць, рішення за директором",
            "Уточнили площу і колір, вирішує власник, чекають КП до п'ятниці",
            "Потреба підтверджена, порівнюють три пропозиції",
            "Обсяг уточнили за кресленнями, терміни — до кінця місяця",
        ],
        activity: ActivityKind::Call,
        subject: None,
        bodies: &[
            "Кваліфікаційний дзвінок: потреба, бюджет, терміни, особа, що вирішує",
            "Розпитав про об'єкт і попередній досвід з постачальниками",
        ],
    },
    Work {
        kind: TaskKind::Proposal,
        task: "Підготувати та надіслати КП",
        follow_up_kind: TaskKind::Call,
        follow_up: "Зателефонувати щодо рішення по КП",
        results: &[
            "КП надіслано директору на пошту, отримання підтвердили",
            "Надіслав КП з двома варіантами: економ і преміум",
            "КП відправлено, домовились обговорити в четвер",
            "Перерахував КП з доставкою і надіслав у Viber",
        ],
        activity: ActivityKind::Email,
        subject: Some("Комерційна пропозиція"),
        bodies: &[
            "Надсилаю комерційну пропозицію з цінами та термінами поставки.",
            "Як домовлялися, у вкладенні КП; ціни дійсні 5 робочих днів.",
        ],
    },
    Work {
        kind: TaskKind::Meeting,
        task: "Зустріч з клієнтом на об'єкті",
        follow_up_kind: TaskKind::Meeting,
        follow_up: "Провести зустріч і показати зразки",
        results: &[
            "Провели замір на об'єкті, погодили комплектацію",
            "Зустрілися в офісі клієнта, показали зразки, ціна в цілому влаштовує",
            "Показав зразки кольорів, клієнт обрав RAL 8017",
            "Зустріч з директором і виконробом: погодили терміни поставки",
        ],
        activity: ActivityKind::Meeting,
        subject: None,
        bodies: &[
            "Зустріч на об'єкті: замір, обговорення комплектації",
            "Презентація зразків в офісі клієнта",
        ],
    },
    Work {
        kind: TaskKind::Other,
        task: "Погодити та підписати договір",
        follow_up_kind: TaskKind::Other,
        follow_up: "Отримати підписаний договір і передоплату",
        results: &[
            "Договір підписано, рахунок на передоплату надіслано",
            "Юристи клієнта погодили договір з правками щодо штрафів, підписали",
            "Договір підписано через «Вчасно», чекаємо передоплату",
            "Погодили оплату 50/50 і підписали договір",
        ],
        activity: ActivityKind::Email,
        subject: Some("Договір поставки"),
        bodies: &[
            "Надсилаю проєкт договору поставки на погодження.",
            "Договір і рахунок на передоплату у вкладенні.",
        ],
    },
    Work {
        kind: TaskKind::Call,
        task: "Погодити дату і час поставки",
        follow_up_kind: TaskKind::Call,
        follow_up: "Проконтролювати поставку",
        results: &[
            "Поставку погоджено на вівторок, машина о 9:00",
            "Товар відвантажено, водій отримав підпис у накладній",
            "Погодили розвантаження краном клієнта, поставка в четвер",
            "Частину відвантажили, решта після надходження на склад",
        ],
        activity: ActivityKind::Call,
        subject: None,
        bodies: &[
            "Погодження поставки: адреса, під'їзд, розвантаження",
            "Дзвінок комірнику клієнта щодо прийому товару",
        ],
    },
    Work {
        kind: TaskKind::Other,
        task: "Отримати підписані закривні документи",
        follow_up_kind: TaskKind::Other,
        follow_up: "Забрати оригінали накладних і акта",
        results: &[
            "Видаткові накладні та акти підписано, оригінали отримали поштою",
            "Документи підписано в електронному кабінеті",
            "Акт звірки погоджено, угоду можна закривати",
        ],
        activity: ActivityKind::Email,
        subject: Some("Закривні документи"),
        bodies: &[
            "Надсилаю видаткову накладну та акт для підпису.",
            "Нагадую про підписання закривних документів.",
        ],
    },
];

const CALL_NOTES: &[&str] = &[
    "Обговорили деталі замовлення",
    "Клієнт просив знижку 5 %",
    "Уточнили адресу об'єкта",
    "Клієнт порівнює з пропозицією конкурента",
    "Узгодили колір і товщину металу",
    "Домовились про наступний дзвінок у четвер",
    "Клієнт перепитав терміни виготовлення",
];

const NOTES: &[&str] = &[
    "Клієнт просить передзвонити після обіду.",
    "Потрібен сертифікат відповідності на метал — запросив у постачальника.",
    "Контакт бухгалтера для рахунків додав у картку.",
    "Цікавиться монтажем, передав розрахунок бригадиру.",
    "На об'єкті змінився виконроб, новий контакт додав.",
];

/// How far back open deals reach: older ones would long have been closed or lost.
const OLD_OPEN_DEALS: i64 = 65 * DAY;
/// Shares of open deals by their stage: most are early in the funnel.
const OPEN_WEIGHTS: [u64; 7] = [30, 22, 16, 12, 9, 7, 4];
/// Where lost deals were lost.
const LOST_FROM_WEIGHTS: [u64; 7] = [22, 24, 20, 14, 10, 6, 4];
/// Two payments: half and half, or a smaller or bigger prepayment.
const SPLITS: [&[i64]; 3] = [&[50, 50], &[30, 70], &[70, 30]];
/// Loss reasons (in `DEFAULT_LOSS_REASONS` order) for deals lost early and late.
const EARLY_LOSS: [u64; 7] = [5, 5, 10, 40, 30, 5, 5];
const LATE_LOSS: [u64; 7] = [30, 25, 12, 8, 3, 11, 11];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Open,
    Won,
    Lost,
}

fn duration(rng: &mut SplitMix64, role: Role) -> i64 {
    let (lo, hi) = match role {
        Role::Lead => (20 * MINUTE, DAY),
        Role::Qualify => (DAY / 2, 4 * DAY),
        Role::Proposal => (DAY, 7 * DAY),
        Role::Meeting => (DAY, 6 * DAY),
        Role::Contract => (2 * DAY, 8 * DAY),
        Role::Delivery => (3 * DAY, 12 * DAY),
        Role::Docs => (DAY, 6 * DAY),
        Role::Won | Role::Lost => (HOUR, DAY),
    };
    let spread = (hi - lo) as u64;
    let d = lo + ((rng.below(spread) + rng.below(spread)) / 2) as i64;
    if rng.chance(8) { d * rng.range(2, 4) } else { d }
}

/// How long the deal has been in its current stage so far.
fn dwell(rng: &mut SplitMix64, role: Role) -> i64 {
    if role == Role::Lead {
        return if rng.chance(75) {
            rng.range(5 * MINUTE, DAY)
        } else {
            rng.range(DAY, 6 * DAY)
        };
    }
    let d = duration(rng, role) * rng.range(5, 100) / 100;
    // Stuck deals: the time-in-stage report should have something to show.
    if rng.chance(15) {
        d * rng.range(2, 5)
    } else {
        d.max(MINUTE)
    }
}

/// Minutes from a lead's arrival to the first contact (rule 1 wants 15).
fn response(rng: &mut SplitMix64, manager: &Manager) -> i64 {
    let slack = 100 - manager.discipline;
    let roll = rng.below(100);
    if roll < 6 + slack / 3 {
        rng.range(HOUR, 6 * HOUR)
    } else if roll < 22 + slack / 2 {
        rng.range(15 * MINUTE, HOUR)
    } else {
        rng.range(2 * MINUTE, 14 * MINUTE)
    }
}

/// Shrinks durations to fit `room` working seconds, keeping their proportions.
fn fit(durations: &mut [i64], room: i64) {
    let total: i64 = durations.iter().sum();
    let floor = 30;
    let room = (room - floor * durations.len() as i64).max(0);
    if total <= room || total == 0 {
        return;
    }
    for d in durations.iter_mut() {
        *d = ((*d as i128 * room as i128 / total as i128) as i64).max(floor);
    }
}

/// Lengthens durations to add up to `target`, keeping their proportions.
fn stretch(durations: &mut [i64], target: i64) {
    let total: i64 = durations.iter().sum();
    if total == 0 || target <= total {
        return;
    }
    let mut given = 0;
    let count = durations.len();
    for (i, d) in durations.iter_mut().enumerate() {
        *d = if i + 1 == count {
            target - given
        } else {
            (*d as i128 * target as i128 / total as i128) as i64
        };
        given += *d;
    }
}

/// The deal, its company and people: what every task and activity of the deal refers to.
#[derive(Debug, Clone, Copy)]
struct Ctx<'a> {
    cal: &'a Calendar,
    deal_id: Id,
    company_id: Id,
    contact_id: Id,
    owner: Id,
    owner_index: usize,
    now: i64,
}

impl Ctx<'_> {
    #[allow(clippy::too_many_arguments, reason = "an activity is this many facts")]
    fn activity(
        &self,
        rng: &mut SplitMix64,
        out: &mut Import,
        stats: &mut Stats,
        kind: ActivityKind,
        at: i64,
        author: Id,
        body: Option<String>,
        details: ActivityDetails,
    ) {
        let at = at.min(self.now - 1);
        let ms = self.cal.ms(at);
        if author == self.owner
            && matches!(kind, ActivityKind::Call | ActivityKind::Meeting)
            && let Some(month) = stats.month_of(self.cal, at)
        {
            let series = if kind == ActivityKind::Call {
                &mut stats.calls
            } else {
                &mut stats.meetings
            };
            series[self.owner_index][month] += 1;
        }
        out.activities.push(Activity {
            meta: meta(new_id(rng, ms), ms, ms, 1),
            data: ActivityData {
                kind,
                deal_id: Some(self.deal_id),
                company_id: Some(self.company_id),
                contact_id: Some(self.contact_id),
                occurred_at: instant(ms),
                body,
                details,
            },
            author_id: author,
        });
    }

    /// A call with a realistic outcome: many calls do not get through.
    fn call(&self, rng: &mut SplitMix64, out: &mut Import, stats: &mut Stats, at: i64) {
        let inbound = rng.chance(20);
        let outcome = if inbound {
            "reached"
        } else {
            weighted(
                rng,
                &[("reached", 58), ("no_answer", 26), ("busy", 9), ("voicemail", 7)],
            )
        };
        let duration = match outcome {
            "reached" => rng.range(40, 600),
            "voicemail" => rng.range(15, 40),
            _ => 0,
        };
        let body = (outcome == "reached").then(|| rng.pick(CALL_NOTES).to_string());
        let details = ActivityDetails {
            direction: Some(if inbound {
                Direction::Inbound
            } else {
                Direction::Outbound
            }),
            duration_s: Some(duration),
            outcome: Some(outcome.to_string()),
            ..Default::default()
        };
        self.activity(rng, out, stats, ActivityKind::Call, at, self.owner, body, details);
    }

    /// A task; when `done` is given, also its result on the timeline.
    #[allow(clippy::too_many_arguments, reason = "a task is this many facts")]
    fn task(
        &self,
        rng: &mut SplitMix64,
        out: &mut Import,
        stats: &mut Stats,
        kind: TaskKind,
        title: &ShortText,
        created: i64,
        due_ms: i64,
        assignee: Id,
        done: Option<(i64, &str)>,
    ) {
        let created = created.min(self.now - 1);
        let created_ms = self.cal.ms(created);
        let id = new_id(rng, created_ms);
        let (done_ms, version) = match done {
            Some((at, _)) => (Some(self.cal.ms(at.max(created).min(self.now - 1))), 2),
            None => (None, 1),
        };
        out.tasks.push(Task {
            meta: meta(id, created_ms, done_ms.unwrap_or(created_ms), version),
            data: TaskData {
                kind,
                title: title.clone(),
                deal_id: Some(self.deal_id),
                company_id: Some(self.company_id),
                contact_id: Some(self.contact_id),
                assignee_id: assignee,
                due_at: instant(due_ms),
            },
            author_id: self.owner,
            done_at: done_ms.map(instant),
            result: done.map(|(_, result)| result.to_string()),
        });
        if let Some((at, result)) = done {
            let details = ActivityDetails {
                task_id: Some(id),
                ..Default::default()
            };
            self.activity(
                rng,
                out,
                stats,
                ActivityKind::TaskResult,
                at.max(created).min(self.now - 1),
                assignee,
                Some(result.to_string()),
                details,
            );
        }
    }

    /// The timeline entry a stage's main task leaves: the call, the letter, the meeting.
    fn work_activity(
        &self,
        rng: &mut SplitMix64,
        out: &mut Import,
        stats: &mut Stats,
        work: &Work,
        at: i64,
        product: &str,
    ) {
        let body = Some(rng.pick(work.bodies).to_string());
        let details = match work.activity {
            ActivityKind::Call => ActivityDetails {
                direction: Some(Direction::Outbound),
                duration_s: Some(rng.range(60, 480)),
                outcome: Some("reached".into()),
                ..Default::default()
            },
            ActivityKind::Email => ActivityDetails {
                direction: Some(Direction::Outbound),
                subject: work.subject.map(|s| format!("{s}: {product}")),
                ..Default::default()
            },
            _ => ActivityDetails::default(),
        };
        self.activity(rng, out, stats, work.activity, at, self.owner, body, details);
    }
}

impl DemoGenerator {
    /// One deal with its history, items, payments, tasks and timeline.
    pub(crate) fn deal(&mut self, out: &mut Import) -> Result<()> {
        let DemoGenerator {
            rng,
            cal,
            team,
            companies,
            contacts,
            stats,
            invoice_seq,
            ..
        } = self;
        let now = cal.now();
        let pipe: &PipelineRef = if team.pipelines.len() > 1 && rng.chance(10) {
            &team.pipelines[1]
        } else {
            &team.pipelines[0]
        };
        let owner_index = weighted_index(rng, &team.deal_weights);
        let manager = team.managers[owner_index];

        let won_pct = 25 * manager.skill / 100;
        let lost_pct = 20 * (200 - manager.skill) / 100;
        let roll = rng.below(100);
        let mut fate = if roll < won_pct {
            Fate::Won
        } else if roll < won_pct + lost_pct {
            Fate::Lost
        } else {
            Fate::Open
        };
        let open_count = pipe.open.len();
        let weights_len = open_count.min(OPEN_WEIGHTS.len());
        let mut path: Vec<usize> = match fate {
            Fate::Won => pipe.open.iter().copied().chain([pipe.won]).collect(),
            Fate::Lost => {
                let from = weighted_index(rng, &LOST_FROM_WEIGHTS[..weights_len]);
                pipe.open[..=from].iter().copied().chain([pipe.lost]).collect()
            }
            Fate::Open => {
                let at = weighted_index(rng, &OPEN_WEIGHTS[..weights_len]);
                pipe.open[..=at].to_vec()
            }
        };
        let role_at = |path: &[usize], i: usize| pipe.stages[path[i]].role;

        // Durations of the spells that ended; for an open deal also the time in its stage.
        let response = response(rng, &manager);
        let mut durations: Vec<i64> = (0..path.len() - 1)
            .map(|i| match role_at(&path, i) {
                Role::Lead => response + rng.range(10 * MINUTE, DAY),
                role => duration(rng, role),
            })
            .collect();
        let mut dwell = if fate == Fate::Open {
            dwell(rng, role_at(&path, path.len() - 1))
        } else {
            0
        };
        let total = durations.iter().sum::<i64>() + dwell;
        let window = cal.window_start();
        // Closed deals close evenly over the window, so every month has its revenue. Open
        // deals are partly fresh and partly older ones that crawl or got stuck, as in any CRM.
        let recent = window.max(now - OLD_OPEN_DEALS);
        let mut start = match fate {
            Fate::Won | Fate::Lost => window + rng.below((now - MINUTE - window) as u64) as i64 - total,
            Fate::Open if rng.chance(45) || now - total <= recent => now - total,
            Fate::Open => rng.range(recent, now - total),
        };

        // The client: one of the manager's companies that existed by then; often one that
        // had just appeared, because a new client's card is made for its first lead.
        let owned = &team.companies_of[owner_index];
        let before = owned.partition_point(|&i| companies[i as usize].created < start - HOUR);
        let company_index = if before == 0 {
            owned[0]
        } else if rng.chance(40) {
            owned[before - 1 - rng.below((before as u64 / 50).max(1)) as usize]
        } else {
            owned[rng.below(before as u64) as usize]
        } as usize;
        let company = &companies[company_index];
        let lo = (company.created + rng.range(HOUR, 2 * DAY)).min(now - DAY / 4);
        if start < lo {
            start = lo;
            if fate != Fate::Open && now - MINUTE - start < total / 2 {
                // Too new a client for the deal to have closed: it is still under way.
                let keep = rng.below((path.len() - 1) as u64) as usize;
                path.truncate(keep + 1);
                durations.truncate(keep);
                fate = Fate::Open;
            }
        }
        if fate == Fate::Open {
            let room = now - start;
            let passed: i64 = durations.iter().sum();
            if passed + dwell > room {
                fit(&mut durations, room * 4 / 5);
            } else {
                // An old open deal: most of the extra time went by in its current stage.
                let slack = room - passed - dwell;
                let to_current = slack * rng.range(25, 70) / 100;
                stretch(&mut durations, passed + slack - to_current);
            }
            dwell = room - durations.iter().sum::<i64>();
            debug_assert!(dwell > 0);
        } else {
            fit(&mut durations, now - MINUTE - start);
        }
        let mut entered = Vec::with_capacity(path.len());
        entered.push(start);
        for d in &durations {
            entered.push(entered[entered.len() - 1] + d);
        }
        let last = path.len() - 1;
        let current_at = entered[last];

        let start_ms = cal.ms(start);
        let deal_id = new_id(rng, start_ms);
        let company_contacts =
            &contacts[company.contacts_start as usize..company.contacts_start as usize + company.contacts_len as usize];
        let primary = if rng.chance(70) {
            company_contacts[0]
        } else {
            *rng.pick(company_contacts)
        };
        let mut contact_ids = vec![primary];
        if company_contacts.len() > 1 && rng.chance(30) {
            let other = *rng.pick(company_contacts);
            if other != primary {
                contact_ids.push(other);
            }
        }
        let ctx = Ctx {
            cal,
            deal_id,
            company_id: company.id,
            contact_id: primary,
            owner: manager.id,
            owner_index,
            now,
        };

        // Items: the product the deal is named after and what goes with it.
        let line = if rng.chance(75) {
            company.line
        } else {
            weighted(rng, &[(Line::Roofing, 45), (Line::Windows, 25), (Line::Metal, 30)])
        };
        let (mains, extras) = &team.lines[line as usize];
        let mut chosen = [0usize; 4];
        chosen[0] = mains[rng.below(mains.len() as u64) as usize];
        let wanted = 1 + weighted(rng, &[(0usize, 30), (1, 35), (2, 25), (3, 10)]).min(extras.len());
        let mut count = 1;
        while count < wanted {
            let extra = extras[rng.below(extras.len() as u64) as usize];
            if !chosen[..count].contains(&extra) {
                chosen[count] = extra;
                count += 1;
            }
        }
        let items_ms = cal.ms((start + rng.range(2 * MINUTE, 30 * MINUTE)).min(now - 1));
        let multiplier = if pipe.dealers { 3.0 } else { 1.0 };
        let mut amount = 0;
        for &p in &chosen[..count] {
            let product = &team.products[p];
            let quantity = match product.spec.qty {
                Qty::Count(a, b) => rng.range(a, b) as f64,
                Qty::Tenths(a, b) => rng.range(a, b) as f64 / 10.0,
            } * multiplier;
            let price = product.spec.price_uah * 100;
            let unit_price = if rng.chance(10) {
                price * rng.range(95, 105) / 100
            } else {
                price
            };
            let item = DealItemData {
                deal_id,
                product_id: Some(product.id),
                name: product.name.clone(),
                quantity,
                unit_price,
                currency: Currency::uah(),
                discount_bp: weighted(rng, &[(0, 60), (300, 12), (500, 14), (700, 6), (1000, 6), (1200, 2)]),
            };
            amount += item.total();
            out.deal_items.push(DealItem {
                meta: meta(new_id(rng, items_ms), items_ms, items_ms, 1),
                data: item,
            });
        }
        let main_product = team.products[chosen[0]].spec.short;

        // The walk through the stages.
        let furthest_open = path
            .iter()
            .rev()
            .find(|s| pipe.stages[**s].role < Role::Won)
            .map(|s| pipe.stages[*s].role)
            .unwrap_or(Role::Lead);
        let loss_reason = (fate == Fate::Lost).then(|| {
            let weights = if furthest_open <= Role::Qualify {
                EARLY_LOSS
            } else {
                LATE_LOSS
            };
            if team.loss_reasons.len() == weights.len() {
                weighted_index(rng, &weights)
            } else {
                rng.below(team.loss_reasons.len() as u64) as usize
            }
        });
        for (i, &stage_index) in path.iter().enumerate() {
            let stage = &pipe.stages[stage_index];
            let entered_ms = cal.ms(entered[i]);
            out.stage_spells.push(StageSpell {
                id: new_id(rng, entered_ms),
                deal_id,
                stage_id: stage.id,
                entered_at: instant(entered_ms),
                left_at: (i < last).then(|| cal.ms(entered[i + 1])).map(instant),
                by_user_id: Some(manager.id),
            });
            let (from_stage_id, body) = if i == 0 {
                (None, format!("Угоду створено на етапі «{}»", stage.name))
            } else {
                let previous = &pipe.stages[path[i - 1]];
                let mut body = format!("{} → {}", previous.name, stage.name);
                if let (Some(reason), Role::Lost) = (loss_reason, stage.role) {
                    body.push_str(&format!(
                        ": {}",
                        voronka_core::model::DEFAULT_LOSS_REASONS
                            .get(reason)
                            .map_or("інша причина", |r| r.uk)
                    ));
                }
                (Some(previous.id), body)
            };
            let details = ActivityDetails {
                from_stage_id,
                to_stage_id: Some(stage.id),
                ..Default::default()
            };
            ctx.activity(
                rng,
                out,
                stats,
                ActivityKind::StageChange,
                entered[i],
                manager.id,
                Some(body),
                details,
            );

            let s = entered[i];
            match stage.role {
                Role::Won => {}
                Role::Lost => {
                    // Rule 5: the head reviews every lost deal.
                    let due = cal.ms(s + DAY);
                    let done = (now - s > 2 * DAY && rng.chance(85)).then(|| {
                        (
                            (s + rng.range(DAY / 4, 2 * DAY)).min(now - 1),
                            *rng.pick(catalog::REVIEW_RESULTS),
                        )
                    });
                    ctx.task(
                        rng,
                        out,
                        stats,
                        TaskKind::ReviewLost,
                        &team.titles.review_lost,
                        s,
                        due,
                        team.head,
                        done,
                    );
                }
                role => {
                    let work = &WORK[role.index()];
                    let titles = (&team.titles.work[role.index()], &team.titles.follow_up[role.index()]);
                    if i < last {
                        let e = entered[i + 1];
                        closed_work(
                            rng,
                            out,
                            stats,
                            &ctx,
                            work,
                            titles.0,
                            role,
                            s,
                            e,
                            response,
                            main_product,
                        );
                    } else {
                        open_work(
                            rng,
                            out,
                            stats,
                            &ctx,
                            work,
                            titles,
                            role,
                            s,
                            response,
                            &manager,
                            main_product,
                        );
                    }
                }
            }
        }

        // Payments: scheduled once the contract is signed.
        let contract_at = path
            .iter()
            .position(|s| {
                let stage = &pipe.stages[*s];
                stage.role >= Role::Contract && stage.role < Role::Won
            })
            .map(|i| entered[i]);
        let mut first_unpaid: Option<i64> = None;
        let mut first_planned: Option<i64> = None;
        let mut payment = |rng: &mut SplitMix64,
                           out: &mut Import,
                           stats: &mut Stats,
                           amount: i64,
                           planned: i64,
                           created: i64,
                           state: (PaymentStatus, Option<i64>)| {
            let created = created.min(now - 1);
            let created_ms = cal.ms(created);
            *invoice_seq += 1;
            let (status, when) = state;
            // Nothing is paid or cancelled before the invoice exists, nor after the present.
            let when = when.map(|w| w.max(created + MINUTE).min(now - 1));
            let when_ms = when.map(|w| cal.ms(w));
            if status == PaymentStatus::Paid {
                if let Some(month) = when.and_then(|w| stats.month_of(cal, w)) {
                    stats.paid[owner_index][month] += amount;
                }
            } else if status == PaymentStatus::Planned && first_unpaid.is_none() {
                first_unpaid = Some(planned);
            }
            first_planned.get_or_insert(planned);
            out.payments.push(Payment {
                meta: meta(
                    new_id(rng, created_ms),
                    created_ms,
                    when_ms.unwrap_or(created_ms),
                    if when.is_some() { 2 } else { 1 },
                ),
                data: PaymentData {
                    deal_id,
                    amount,
                    currency: Currency::uah(),
                    planned_date: cal.date(planned),
                    invoice_number: Some(format!("СФ-{:06}", *invoice_seq)),
                },
                status,
                paid_at: (status == PaymentStatus::Paid).then(|| when_ms.map(instant)).flatten(),
            });
        };
        match (fate, contract_at) {
            (Fate::Won, _) if amount > 0 => {
                let from = contract_at.unwrap_or(start);
                let close = current_at;
                let shares: &[i64] = match weighted(rng, &[(1, 55), (2, 35), (3, 10)]) {
                    1 => &[100],
                    2 => rng.pick::<&[i64]>(&SPLITS),
                    _ => &[40, 30, 30],
                };
                let postpay = rng.chance(25);
                let mut left = amount;
                for (k, share) in shares.iter().enumerate() {
                    let last_one = k == shares.len() - 1;
                    let part = if last_one { left } else { amount * share / 100 };
                    left -= part;
                    let planned = if postpay && last_one {
                        close + rng.range(3 * DAY, 25 * DAY)
                    } else {
                        from + (close - from) * (k as i64 + 1) / (shares.len() as i64 + 1)
                    };
                    let state = if planned < now && !rng.chance(6) {
                        (PaymentStatus::Paid, Some(planned + rng.range(0, DAY)))
                    } else {
                        (PaymentStatus::Planned, None)
                    };
                    let created = from + rng.range(MINUTE, HOUR);
                    payment(rng, out, stats, part, planned, created, state);
                }
            }
            (Fate::Open, Some(from)) if amount > 0 => {
                let prepaid = furthest_open >= Role::Delivery && rng.chance(45);
                let mut left = amount;
                if prepaid {
                    let part = amount / 2;
                    left -= part;
                    let planned = (from + rng.range(DAY / 2, 3 * DAY)).min(now - DAY / 4);
                    let state = (PaymentStatus::Paid, Some(planned + rng.range(0, DAY / 4)));
                    let created = from + rng.range(MINUTE, HOUR);
                    payment(rng, out, stats, part, planned, created, state);
                }
                let planned = if rng.chance(20) {
                    rng.range(from, now - 1)
                } else {
                    now + rng.range(0, 25 * DAY)
                };
                let created = from + rng.range(MINUTE, HOUR);
                payment(rng, out, stats, left, planned, created, (PaymentStatus::Planned, None));
            }
            (Fate::Lost, Some(from)) if amount > 0 => {
                let planned = from + rng.range(2 * DAY, 10 * DAY);
                let created = from + rng.range(MINUTE, HOUR);
                payment(
                    rng,
                    out,
                    stats,
                    amount,
                    planned,
                    created,
                    (PaymentStatus::Cancelled, Some(current_at)),
                );
            }
            _ => {}
        }

        // The card's fields: what the stages asked for and a bit more.
        let city = CITIES[company.city as usize].name;
        // What `title_from_template("{product} — {company} — {city}", …)` gives for three
        // filled values (a test holds them equal), without its per-placeholder allocations.
        let title = format!("{main_product} — {} — {city}", company.name);
        let criteria_met = match furthest_open {
            Role::Lead => 0,
            Role::Qualify => rng.range(1, 3) as usize,
            _ => catalog::CRITERIA.len(),
        };
        let qualification = if furthest_open == Role::Lead && fate != Fate::Won {
            Vec::new()
        } else {
            catalog::CRITERIA
                .iter()
                .enumerate()
                .map(|(i, name)| Criterion {
                    name: (*name).to_string(),
                    met: i < criteria_met || fate == Fate::Won,
                })
                .collect()
        };
        let expected_close = match fate {
            Fate::Won => Some(cal.date(current_at)),
            Fate::Lost if furthest_open >= Role::Proposal => Some(cal.date(current_at + rng.range(0, 10 * DAY))),
            Fate::Open if furthest_open >= Role::Proposal && rng.chance(75) => Some(if rng.chance(15) {
                cal.date(rng.range(current_at, now - 1))
            } else {
                cal.date(now + rng.range(0, 30 * DAY))
            }),
            _ => None,
        };
        let planned_payment = first_unpaid.or(first_planned).map(|at| cal.date(at));
        let lead_source = if rng.chance(70) {
            default_entries(DictionaryKind::LeadSource)[company.lead_source as usize].code
        } else {
            weighted(rng, catalog::LEAD_SOURCE_WEIGHTS)
        };
        let stage = &pipe.stages[path[last]];
        let mut data = DealData {
            title: DealTitle::parse(&title)?,
            company_id: Some(company.id),
            contact_ids,
            owner_id: manager.id,
            pipeline_id: pipe.id,
            amount,
            currency: Currency::uah(),
            win_probability: (fate == Fate::Open && rng.chance(12))
                .then(|| (stage.win_probability + rng.range(-10, 10)).clamp(1, 99)),
            planned_payment_date: planned_payment,
            expected_close_date: expected_close,
            sales_channel: if pipe.dealers {
                Some("dealer".into())
            } else {
                rng.chance(85)
                    .then(|| weighted(rng, catalog::SALES_CHANNEL_WEIGHTS).to_string())
            },
            communication_channel: rng
                .chance(80)
                .then(|| weighted(rng, catalog::COMMUNICATION_WEIGHTS).to_string()),
            lead_source: rng.chance(92).then(|| lead_source.to_string()),
            qualification,
            loss_comment: loss_reason.map(|reason| {
                let comments = catalog::LOSS_COMMENTS
                    .get(reason)
                    .copied()
                    .unwrap_or(&["Клієнт відмовився, деталі в історії дзвінків."]);
                rng.pick(comments).to_string()
            }),
        };
        // Rule 4: whatever the stages on the way required is filled.
        let item_count = count as i64;
        for field in path.iter().flat_map(|s| pipe.stages[*s].required.iter().copied()) {
            let facts = DealFacts {
                data: &data,
                item_count,
                proposal_count: 0,
            };
            if facts.has(field) {
                continue;
            }
            match field {
                DealField::PlannedPaymentDate => {
                    data.planned_payment_date = Some(cal.date(current_at.max(now) + rng.range(0, 20 * DAY)));
                }
                DealField::ExpectedCloseDate => {
                    data.expected_close_date = Some(cal.date(current_at.max(now) + rng.range(0, 30 * DAY)));
                }
                DealField::SalesChannel => {
                    data.sales_channel = Some(default_entries(DictionaryKind::SalesChannel)[0].code.to_string())
                }
                DealField::CommunicationChannel => {
                    data.communication_channel = Some(
                        default_entries(DictionaryKind::CommunicationChannel)[0]
                            .code
                            .to_string(),
                    )
                }
                DealField::LeadSource => data.lead_source = Some(lead_source.to_string()),
                DealField::Qualification => {
                    data.qualification = catalog::CRITERIA
                        .iter()
                        .map(|name| Criterion {
                            name: (*name).to_string(),
                            met: true,
                        })
                        .collect();
                }
                // Every deal has a company, a contact and items, so an amount above zero; the
                // default pipeline asks for no proposal.
                DealField::Company
                | DealField::Contact
                | DealField::Amount
                | DealField::Items
                | DealField::Proposal => {}
            }
        }

        let current_ms = cal.ms(current_at);
        let status = DealStatus::from(stage.kind);
        out.deals.push(Deal {
            meta: meta(deal_id, start_ms, current_ms, path.len() as i64),
            data,
            stage_id: stage.id,
            status,
            stage_entered_at: instant(current_ms),
            loss_reason_id: loss_reason.map(|r| team.loss_reasons[r]),
            closed_at: (status != DealStatus::Open).then(|| instant(current_ms)),
            amount_from_items: false,
            without_task: false,
        });
        Ok(())
    }
}

/// The work of a stage the deal has left: its main task done, the timeline entry it left,
/// some calls that did or did not get through, now and then a note.
#[allow(clippy::too_many_arguments, reason = "the stage's facts, passed flat")]
fn closed_work(
    rng: &mut SplitMix64,
    out: &mut Import,
    stats: &mut Stats,
    ctx: &Ctx<'_>,
    work: &Work,
    title: &ShortText,
    role: Role,
    s: i64,
    e: i64,
    response: i64,
    product: &str,
) {
    let span = (e - s).max(2);
    let (created, due_ms, done) = if role == Role::Lead {
        // Rule 1: a new lead gets a contact task due in 15 minutes.
        (s, ctx.cal.ms(s) + 15 * 60_000, s + response.min(span * 3 / 4).max(1))
    } else {
        let created = s + rng.range(30, 10 * MINUTE).min(span / 4);
        let due = s + span * rng.range(40, 95) / 100;
        let done = (s + span * rng.range(30, 95) / 100).max(created + 1).min(e - 1);
        (created, ctx.cal.ms(due), done)
    };
    ctx.work_activity(rng, out, stats, work, done, product);
    let result = *rng.pick(work.results);
    ctx.task(
        rng,
        out,
        stats,
        work.kind,
        title,
        created,
        due_ms,
        ctx.owner,
        Some((done, result)),
    );
    for _ in 0..rng.below(3) {
        let at = s + rng.below(span as u64) as i64;
        ctx.call(rng, out, stats, at);
    }
    if rng.chance(12) {
        let at = s + rng.below(span as u64) as i64;
        let body = Some(rng.pick(NOTES).to_string());
        ctx.activity(
            rng,
            out,
            stats,
            ActivityKind::Note,
            at,
            ctx.owner,
            body,
            ActivityDetails::default(),
        );
    }
}

/// The work of the stage an open deal is in: perhaps the main task already done, and one open
/// task for what comes next (rule 2), some of them overdue. A few deals are left without a
/// task, as in any real team, so the discipline report has something to show.
#[allow(clippy::too_many_arguments, reason = "the stage's facts, passed flat")]
fn open_work(
    rng: &mut SplitMix64,
    out: &mut Import,
    stats: &mut Stats,
    ctx: &Ctx<'_>,
    work: &Work,
    titles: (&ShortText, &ShortText),
    role: Role,
    s: i64,
    response: i64,
    manager: &Manager,
    product: &str,
) {
    let now = ctx.now;
    let span = (now - s).max(2);
    let slack = 100 - manager.discipline;
    let without_task = rng.chance(2 + slack / 10);
    let overdue = rng.chance(10 + slack / 2);
    let main_created = if role == Role::Lead {
        s
    } else {
        s + rng.range(30, 10 * MINUTE).min(span / 4)
    };
    let main_done = if role == Role::Lead {
        (response < span).then_some(s + response)
    } else {
        (span > HOUR && rng.chance(55)).then(|| main_created + ((now - main_created) * rng.range(10, 60) / 100).max(1))
    };
    let mut open_from = s;
    if let Some(done) = main_done {
        let created = main_created;
        let due_ms = if role == Role::Lead {
            ctx.cal.ms(s) + 15 * 60_000
        } else {
            ctx.cal.ms(created + (done - created) * rng.range(80, 150) / 100)
        };
        ctx.work_activity(rng, out, stats, work, done, product);
        let result = *rng.pick(work.results);
        ctx.task(
            rng,
            out,
            stats,
            work.kind,
            titles.0,
            created,
            due_ms,
            ctx.owner,
            Some((done, result)),
        );
        open_from = done;
    }
    for _ in 0..rng.below(3) {
        let at = s + rng.below(span as u64) as i64;
        ctx.call(rng, out, stats, at);
    }
    if without_task {
        return;
    }
    let (kind, title) = if main_done.is_some() {
        (work.follow_up_kind, titles.1)
    } else {
        (work.kind, titles.0)
    };
    let created = if role == Role::Lead && main_done.is_none() {
        s
    } else {
        (open_from + rng.range(MINUTE, 20 * MINUTE)).min(now - 1)
    };
    let due_ms = if role == Role::Lead && main_done.is_none() {
        ctx.cal.ms(s) + 15 * 60_000
    } else if overdue {
        ctx.cal.ms(rng.range(created, now - 1))
    } else {
        ctx.cal.ms(now + rng.range(0, 5 * DAY))
    };
    ctx.task(rng, out, stats, kind, title, created, due_ms, ctx.owner, None);
}
