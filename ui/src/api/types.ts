// The records, inputs and errors of the Rust commands, generated into ../bindings.ts from the
// Rust types (never edited by hand), plus a few names the screens use for parts of them.
import type { ApiError, Company, TodayView } from '../bindings';

export type {
  About,
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
  DemoProgress,
  ContactInput,
  Criterion,
  Currency,
  DatabaseDialog,
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
  StartProblem,
  Startup,
  ShortText,
  Stage,
  StageKind,
  StageSpell,
  Task,
  TaskFilter,
  TaskInput,
  TaskKind,
  TeamConnection,
  TeamMember,
  ConnectionCard,
  NewTeammate,
  MyContactsInput,
  Rights,
  UserInput,
  TimelineOf,
  TlsMode,
  TodayView,
  User,
} from '../bindings';

// The head's regulations: the lead rotation and the loss review.
export type {
  CheckInAnswer,
  CheckInInput,
  CheckInStatus,
  LeadRotation,
  LeadRotationInput,
  LossDecision,
  LossReview,
  LossReviewInput,
  ReviewClosed,
} from '../bindings';

// Documents kept with a deal or a company.
export type { Document, DocumentOf, ListedDocument } from '../bindings';

// The product catalog, a deal's lines and its commercial proposals.
export type {
  DealLine,
  DealLines,
  LineTotals,
  MadeProposal,
  Product,
  ProductFilter,
  ProductInput,
  ProposalTemplate,
  ProposalTemplateInput,
  SavedItem,
  StockShort,
} from '../bindings';

// How a department is set up: pipelines and stages, dictionaries, process settings, plans.
export type {
  DictionaryEntry,
  DictionaryEntryInput,
  DictionaryKind,
  InOrder,
  LossReasonInput,
  PipelineInput,
  Plan,
  PlanCell,
  PlansSaved,
  ProcessSettings,
  ProcessSettingsInput,
  StageInput,
} from '../bindings';

// The head of sales' reports: typed results, and the generic tables every report also gives.
export type {
  AbcClass,
  AbcXyz,
  AbcXyzCell,
  AbcXyzRow,
  ActivityDay,
  ActivityReport,
  Cell,
  Column,
  ColumnKind,
  Dashboard,
  DashboardRow,
  DealLapse,
  Discipline,
  ExportedReport,
  ExportProgress,
  Funnel,
  FunnelColumn,
  FunnelStep,
  IdleCompany,
  LeadResponse,
  LeadResponseRow,
  LossAtStage,
  LossByManager,
  LossByReason,
  LossReasons,
  MonthFulfilment,
  NewVsExisting,
  OverdueCount,
  PaymentPlan,
  Person,
  PlannedPayment,
  Report as ReportData,
  ReportFilter,
  ReportName,
  ReportTable,
  ReportView,
  RevenueSplit,
  StageRef,
  StageTime,
  StuckDeal,
  TaskLapse,
  TimeInStage,
  XyzClass,
} from '../bindings';

// Handing clients over (rule 7), the head's team board, and why overdue tasks were moved.
export type {
  HandoverEntity,
  HandoverItem,
  HandoverMove,
  HandoverOutcome,
  HandoverPlan,
  HandoverScope,
  ManagerDay,
  ReceiverShare,
  TaskReschedule,
} from '../bindings';

// Importing companies, contacts and deals from a file: the wizard's steps.
export type {
  ColumnField,
  DuplicatePolicy,
  Field as ImportField,
  Format as ImportFormat,
  ImportChoices,
  ImportInspection,
  ImportKind,
  ImportProgress,
  ImportReport,
  ImportTotals,
  Mapping as ImportMapping,
  Owners as ImportOwners,
  PreviewRow,
  RefusedRow,
  RefusedTitles,
  RowNote,
  RowStatus,
} from '../bindings';

// Backups of the local file.
export type { Backup, Backups } from '../bindings';

// Lists exported as their screens show them.
export type { ListColumn, ListExportRequest, ListQuery, ShownFilter } from '../bindings';

// The team gong and each user's notification settings.
export type {
  GongEvent,
  GongKind,
  NotificationSettings,
  OpenRecord,
  StoredNotificationSettings,
  TeamProgress,
} from '../bindings';

/** Milliseconds since the epoch (UTC). */
export type Millis = number;
export type ApiErrorData = ApiError;
export type Meta = Pick<Company, 'id' | 'created_at' | 'updated_at' | 'version' | 'deleted_at'>;
export type CompanyFields = Omit<Company, keyof Meta>;
export type Today = TodayView;
export type SearchKind = 'company' | 'contact' | 'deal';
