// The records and inputs of crates/voronka-core/src/model, as they cross the Tauri boundary:
// meta fields are flattened into each record, times are milliseconds since the epoch, money is
// integer minor units, dates are "YYYY-MM-DD" strings.

export type Id = string;
/** Milliseconds since the epoch (UTC). */
export type Millis = number;

export type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };

export type ErrorCode =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'duplicate'
  | 'stage_requirements'
  | 'loss_reason_required'
  | 'result_not_meaningful'
  | 'invalid_state'
  | 'schema_too_new'
  | 'storage';

export interface ApiErrorData {
  code: ErrorCode | string;
  field: string | null;
  message: string;
}

export interface Meta {
  id: Id;
  created_at: Millis;
  updated_at: Millis;
  version: number;
  deleted_at: Millis | null;
}

export interface Page {
  offset: number;
  limit: number;
}

export interface Paged<T> {
  items: T[];
  more: boolean;
  offset: number;
}

export interface ImportantDate {
  label: string;
  date: string;
}

export type Role = 'manager' | 'head' | 'admin';
export type Language = 'uk' | 'en' | 'ru';

export interface User extends Meta {
  name: string;
  email: string | null;
  role: Role;
  active: boolean;
  time_zone: string;
  language: Language;
}

export interface AppInfo {
  version: string;
  backend: 'sqlite' | 'postgres' | string;
  /** The database, password removed. */
  database: string;
  schema_version: number;
  /** The team database this desktop connects to, when it is in team mode. */
  team: TeamConnection | null;
  user: User | null;
  first_start: boolean;
  /** Why the team database could not be opened at start, if it could not. */
  warning: ApiErrorData | null;
}

export interface CompanyFields {
  name: string;
  legal_id: string | null;
  industry: string | null;
  city: string | null;
  address: string | null;
  website: string | null;
  work_phone: string | null;
  mobile_phone: string | null;
  email: string | null;
  monthly_turnover: number | null;
  net_profit: number | null;
  employee_count: number | null;
  lead_source: string | null;
  notes: string | null;
  tags: string[];
  important_dates: ImportantDate[];
}

export interface Company extends Meta, CompanyFields {
  currency: string;
  owner_id: Id;
}

export interface CompanyInput extends CompanyFields {
  currency: string | null;
  owner_id: Id | null;
}

export interface CompanyFilter {
  owner_id?: Id | null;
  city?: string | null;
  industry?: string | null;
  deleted?: boolean;
  /** One of name, city, industry, created_at, updated_at. */
  sort?: string | null;
  descending?: boolean;
}

export interface Messenger {
  kind: string;
  handle: string;
}

export interface Contact extends Meta {
  full_name: string;
  position: string | null;
  company_id: Id | null;
  phones: string[];
  emails: string[];
  messengers: Messenger[];
  address: string | null;
  birthday: string | null;
  important_dates: ImportantDate[];
  notes: string | null;
  owner_id: Id;
}

export interface ContactInput {
  full_name: string;
  position: string | null;
  company_id: Id | null;
  phones: string[];
  emails: string[];
  messengers: Messenger[];
  address: string | null;
  birthday: string | null;
  important_dates: ImportantDate[];
  notes: string | null;
  owner_id: Id | null;
}

export interface ContactFilter {
  company_id?: Id | null;
  owner_id?: Id | null;
}

export interface Pipeline extends Meta {
  name: string;
  position: number;
  is_default: boolean;
}

export type StageKind = 'open' | 'won' | 'lost';

export type DealField =
  | 'company'
  | 'contact'
  | 'amount'
  | 'planned_payment_date'
  | 'expected_close_date'
  | 'sales_channel'
  | 'communication_channel'
  | 'lead_source'
  | 'qualification'
  | 'items';

export interface Stage extends Meta {
  pipeline_id: Id;
  name: string;
  position: number;
  kind: StageKind;
  win_probability: number;
  required_fields: DealField[];
}

export interface LossReason extends Meta {
  name: string;
  position: number;
  active: boolean;
}

export interface Criterion {
  name: string;
  met: boolean;
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface Deal extends Meta {
  title: string;
  company_id: Id | null;
  contact_ids: Id[];
  owner_id: Id;
  pipeline_id: Id;
  amount: number;
  currency: string;
  win_probability: number | null;
  planned_payment_date: string | null;
  expected_close_date: string | null;
  sales_channel: string | null;
  communication_channel: string | null;
  lead_source: string | null;
  qualification: Criterion[];
  loss_comment: string | null;
  stage_id: Id;
  status: DealStatus;
  stage_entered_at: Millis;
  loss_reason_id: Id | null;
  closed_at: Millis | null;
}

export interface DealInput {
  title: string;
  company_id: Id | null;
  contact_ids: Id[];
  owner_id: Id | null;
  pipeline_id: Id;
  /** As typed: "120 000,50"; blank is zero. */
  amount: string | null;
  currency: string | null;
  win_probability: number | null;
  planned_payment_date: string | null;
  expected_close_date: string | null;
  sales_channel: string | null;
  communication_channel: string | null;
  lead_source: string | null;
  qualification: Criterion[];
  loss_comment: string | null;
}

export interface DealFilter {
  owner_id?: Id | null;
  pipeline_id?: Id | null;
  stage_id?: Id | null;
  company_id?: Id | null;
  contact_id?: Id | null;
  status?: DealStatus | null;
}

export interface MoveDeal {
  stage_id: Id | null;
  loss_reason_id: Id | null;
  loss_comment: string | null;
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  /** Sum of the column's deal amounts in minor units. */
  amount: number;
  deals: Deal[];
}

export interface DealItem extends Meta {
  deal_id: Id;
  product_id: Id | null;
  name: string;
  quantity: number;
  unit_price: number;
  currency: string;
  /** Basis points: 1 % = 100. */
  discount_bp: number;
}

export interface DealItemInput {
  deal_id: Id;
  product_id: Id | null;
  name: string | null;
  quantity: number;
  unit_price: number | null;
  currency: string | null;
  discount_bp: number | null;
}

export type PaymentStatus = 'planned' | 'paid' | 'cancelled';

export interface Payment extends Meta {
  deal_id: Id;
  amount: number;
  currency: string;
  planned_date: string;
  invoice_number: string | null;
  status: PaymentStatus;
  paid_at: Millis | null;
}

export interface PaymentInput {
  deal_id: Id;
  amount: string;
  currency: string | null;
  planned_date: string;
  invoice_number: string | null;
}

export interface StageSpell {
  id: Id;
  deal_id: Id;
  stage_id: Id;
  entered_at: Millis;
  left_at: Millis | null;
  by_user_id: Id | null;
}

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

export interface AuditEntry {
  id: Id;
  at: Millis;
  actor_id: Id | null;
  entity: string;
  entity_id: Id;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type TaskKind =
  | 'call'
  | 'meeting'
  | 'email'
  | 'proposal'
  | 'contact_lead'
  | 'review_lost'
  | 'other';

export interface Task extends Meta {
  kind: TaskKind;
  title: string;
  deal_id: Id | null;
  company_id: Id | null;
  contact_id: Id | null;
  assignee_id: Id;
  due_at: Millis;
  author_id: Id;
  done_at: Millis | null;
  result: string | null;
}

export interface TaskInput {
  kind: TaskKind;
  title: string;
  deal_id: Id | null;
  company_id: Id | null;
  contact_id: Id | null;
  assignee_id: Id | null;
  due_at: Millis;
}

export interface TaskFilter {
  assignee_id?: Id | null;
  deal_id?: Id | null;
  company_id?: Id | null;
  open?: boolean;
}

export interface Today {
  overdue: Task[];
  today: Task[];
  tomorrow: Task[];
  later: Task[];
  deals_without_task: Deal[];
}

export type ActivityKind =
  | 'note'
  | 'call'
  | 'email'
  | 'meeting'
  | 'stage_change'
  | 'task_result'
  | 'document';

export type Direction = 'inbound' | 'outbound';

export interface ActivityDetails {
  direction?: Direction | null;
  duration_s?: number | null;
  outcome?: string | null;
  subject?: string | null;
  from_stage_id?: Id | null;
  to_stage_id?: Id | null;
  task_id?: Id | null;
  path?: string | null;
}

export interface Activity extends Meta {
  kind: ActivityKind;
  deal_id: Id | null;
  company_id: Id | null;
  contact_id: Id | null;
  occurred_at: Millis;
  body: string | null;
  details: ActivityDetails;
  author_id: Id;
}

export interface ActivityInput {
  kind: ActivityKind;
  deal_id: Id | null;
  company_id: Id | null;
  contact_id: Id | null;
  occurred_at: Millis | null;
  body: string | null;
  details: ActivityDetails;
}

export type TimelineOf = { kind: 'company' | 'contact' | 'deal'; id: Id };

export type SearchKind = 'company' | 'contact' | 'deal';

export interface SearchHit {
  kind: SearchKind;
  id: Id;
  title: string;
  subtitle: string | null;
}

export type TlsMode = 'disable' | 'prefer' | 'require';

export interface TeamConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  tls_mode: TlsMode;
}
