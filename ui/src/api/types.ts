// The records, inputs and errors of the Rust commands, generated into ../bindings.ts from the
// Rust types (never edited by hand), plus a few names the screens use for parts of them.
import type { ApiError, Company, TodayView } from '../bindings';

export type {
  Activity,
  ActivityDetails,
  ActivityInput,
  ActivityKind,
  ApiError,
  AppInfo,
  AuditAction,
  AuditEntry,
  BoardColumn,
  Company,
  CompanyFilter,
  CompanyInput,
  CompanyName,
  Contact,
  ContactFilter,
  ContactInput,
  Criterion,
  Currency,
  Deal,
  DealField,
  DealFilter,
  DealInput,
  DealItem,
  DealItemInput,
  DealStatus,
  DealTitle,
  Direction,
  Email,
  ErrorCode,
  Id,
  ImportantDate,
  JsonValue,
  Language,
  LossReason,
  Messenger,
  MoveDeal,
  Page,
  Paged,
  Payment,
  PaymentInput,
  PaymentStatus,
  PersonName,
  Phone,
  Pipeline,
  Result,
  Role,
  SearchHit,
  ShortText,
  Stage,
  StageKind,
  StageSpell,
  Task,
  TaskFilter,
  TaskInput,
  TaskKind,
  TeamConnection,
  TimelineOf,
  TlsMode,
  TodayView,
  User,
} from '../bindings';

/** Milliseconds since the epoch (UTC). */
export type Millis = number;
export type ApiErrorData = ApiError;
export type Meta = Pick<Company, 'id' | 'created_at' | 'updated_at' | 'version' | 'deleted_at'>;
export type CompanyFields = Omit<Company, keyof Meta>;
export type Today = TodayView;
export type SearchKind = 'company' | 'contact' | 'deal';
