// Stand-in for the bindings that tauri-specta generates into src/bindings.ts: same `commands`
// object, same names, same Result shape. When the generated file exists this module is
// replaced by `export { commands } from '../bindings'` (and types.ts by its type re-exports).
import { invoke } from '@tauri-apps/api/core';
import type {
  Activity,
  ActivityInput,
  ApiErrorData,
  AppInfo,
  AuditEntry,
  BoardColumn,
  Company,
  CompanyFilter,
  CompanyInput,
  Contact,
  ContactFilter,
  ContactInput,
  Deal,
  DealFilter,
  DealInput,
  DealItem,
  DealItemInput,
  Id,
  Language,
  LossReason,
  MoveDeal,
  Page,
  Paged,
  Payment,
  PaymentInput,
  Pipeline,
  Result,
  SearchHit,
  Stage,
  StageSpell,
  Task,
  TaskFilter,
  TaskInput,
  TeamConnection,
  TimelineOf,
  Today,
  User,
} from './types';

// Tauri rejects with the command's serialized error; anything that is an Error was thrown by
// the bridge itself and is a bug, not a domain answer.
async function run<T>(name: string, args?: Record<string, unknown>): Promise<Result<T, ApiErrorData>> {
  try {
    return { status: 'ok', data: await invoke<T>(name, args) };
  } catch (e) {
    if (e instanceof Error) throw e;
    return { status: 'error', error: e as ApiErrorData };
  }
}

export const commands = {
  appInfo: () => run<AppInfo>('app_info'),
  firstStart: (name: string, language: Language, demo: boolean) =>
    run<User>('first_start', { name, language, demo }),
  connectTeam: (connection: TeamConnection, password: string) =>
    run<AppInfo>('connect_team', { connection, password }),
  useLocal: () => run<AppInfo>('use_local'),

  today: () => run<Today>('today'),
  search: (text: string, page: Page) => run<Paged<SearchHit>>('search', { text, page }),

  listUsers: () => run<User[]>('list_users'),
  listPipelines: () => run<Pipeline[]>('list_pipelines'),
  listStages: (pipelineId: Id) => run<Stage[]>('list_stages', { pipelineId }),
  listLossReasons: () => run<LossReason[]>('list_loss_reasons'),

  listCompanies: (filter: CompanyFilter, page: Page) =>
    run<Paged<Company>>('list_companies', { filter, page }),
  getCompany: (id: Id) => run<Company>('get_company', { id }),
  createCompany: (input: CompanyInput) => run<Company>('create_company', { input }),
  updateCompany: (id: Id, version: number, input: CompanyInput) =>
    run<Company>('update_company', { id, version, input }),
  deleteCompany: (id: Id, version: number) => run<Company>('delete_company', { id, version }),
  companyDuplicates: (input: CompanyInput, except: Id | null) =>
    run<Company[]>('company_duplicates', { input, except }),

  listContacts: (filter: ContactFilter, page: Page) =>
    run<Paged<Contact>>('list_contacts', { filter, page }),
  getContact: (id: Id) => run<Contact>('get_contact', { id }),
  createContact: (input: ContactInput) => run<Contact>('create_contact', { input }),
  updateContact: (id: Id, version: number, input: ContactInput) =>
    run<Contact>('update_contact', { id, version, input }),

  board: (pipelineId: Id, ownerId: Id | null) => run<BoardColumn[]>('board', { pipelineId, ownerId }),
  listDeals: (filter: DealFilter, page: Page) => run<Paged<Deal>>('list_deals', { filter, page }),
  getDeal: (id: Id) => run<Deal>('get_deal', { id }),
  createDeal: (input: DealInput, stageId: Id | null) => run<Deal>('create_deal', { input, stageId }),
  updateDeal: (id: Id, version: number, input: DealInput) =>
    run<Deal>('update_deal', { id, version, input }),
  moveDeal: (id: Id, version: number, to: MoveDeal) => run<Deal>('move_deal', { id, version, to }),
  dealItems: (dealId: Id) => run<DealItem[]>('deal_items', { dealId }),
  addDealItem: (input: DealItemInput) => run<DealItem>('add_deal_item', { input }),
  dealPayments: (dealId: Id) => run<Payment[]>('deal_payments', { dealId }),
  createPayment: (input: PaymentInput) => run<Payment>('create_payment', { input }),
  markPaymentPaid: (id: Id, version: number) => run<Payment>('mark_payment_paid', { id, version }),
  stageHistory: (dealId: Id) => run<StageSpell[]>('stage_history', { dealId }),
  auditHistory: (entityId: Id, page: Page) =>
    run<Paged<AuditEntry>>('audit_history', { entityId, page }),

  listTasks: (filter: TaskFilter, page: Page) => run<Paged<Task>>('list_tasks', { filter, page }),
  createTask: (input: TaskInput) => run<Task>('create_task', { input }),
  completeTask: (id: Id, version: number, result: string) =>
    run<Task>('complete_task', { id, version, result }),

  logActivity: (input: ActivityInput) => run<Activity>('log_activity', { input }),
  timeline: (of: TimelineOf, page: Page) => run<Paged<Activity>>('timeline', { of, page }),
};
