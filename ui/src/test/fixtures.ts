import type { AppInfo, Deal, Meta, Rights, Role, Stage, Startup, Task, User } from '../api/types';

const meta = (id: string): Meta => ({ id, created_at: 0, updated_at: 0, version: 1, deleted_at: null });

export const me: User = {
  ...meta('user-1'),
  name: 'Оксана Мельник',
  email: null,
  phone: null,
  role: 'manager',
  active: true,
  time_zone: 'Europe/Kyiv',
  language: 'en',
};

export const appInfo: AppInfo = {
  version: '0.1.0',
  backend: 'sqlite',
  database: '/home/user/.local/share/voronka/voronka.db',
  schema_version: 3,
  team: null,
  team_waiting: null,
  user: me,
  first_start: false,
  rights: rightsOf('admin'),
  must_change_password: false,
  min_password_chars: 10,
};

/** What `Rights::of(role)` answers in the core (crates/voronka-core/src/rights.rs). */
export function rightsOf(role: Role): Rights {
  const all = role !== 'manager';
  return {
    role,
    all_deals: all,
    all_clients: all,
    team_reports: all,
    set_plans: all,
    regulations: all,
    manage_users: all,
    roles_to_give: role === 'admin' ? ['manager', 'head', 'admin'] : role === 'head' ? ['manager'] : [],
    setup: role === 'admin',
    export_all: all,
    assign_to_others: all,
    import: true,
    import_for_others: all,
  };
}

/** What `appInfo` answers when `info`'s database is open. */
export const ready = (info: AppInfo): Startup => ({ state: 'ready', ...info });

export function task(id: string, title: string, over: Partial<Task> = {}): Task {
  return {
    ...meta(id),
    kind: 'call',
    title,
    deal_id: null,
    company_id: null,
    contact_id: null,
    assignee_id: me.id,
    due_at: Date.UTC(2026, 2, 10, 9),
    author_id: me.id,
    done_at: null,
    result: null,
    ...over,
  };
}

export function stage(id: string, name: string, position: number, over: Partial<Stage> = {}): Stage {
  return {
    ...meta(id),
    pipeline_id: 'pipe-1',
    name,
    position,
    kind: 'open',
    win_probability: 10,
    required_fields: [],
    archived: false,
    ...over,
  };
}

export function deal(id: string, title: string, stageId: string, amount: number, over: Partial<Deal> = {}): Deal {
  return {
    ...meta(id),
    title,
    company_id: null,
    contact_ids: [],
    owner_id: me.id,
    pipeline_id: 'pipe-1',
    amount,
    currency: 'UAH',
    win_probability: null,
    planned_payment_date: null,
    expected_close_date: null,
    sales_channel: null,
    communication_channel: null,
    lead_source: null,
    qualification: [],
    loss_comment: null,
    stage_id: stageId,
    status: 'open',
    stage_entered_at: 0,
    loss_reason_id: null,
    closed_at: null,
    amount_from_items: false,
    ...over,
  };
}
