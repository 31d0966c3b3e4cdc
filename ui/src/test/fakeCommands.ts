import { vi } from 'vitest';
import type { commands as realCommands } from '../api/commands';
import type { ApiErrorData, ErrorCode, Paged, Result } from '../api/types';

type Commands = typeof realCommands;

export const ok = <T>(data: T): Result<T, ApiErrorData> => ({ status: 'ok', data });
export const refuse = (code: ErrorCode, field: string | null, message = `${code} from the server`): Result<never, ApiErrorData> =>
  ({ status: 'error', error: { code, field, message } });
export const paged = <T>(items: T[], more = false): Paged<T> => ({ items, more, offset: 0 });

const LISTS = ['taskReschedules', 'teamBoard', 'listDocuments', 'dictionaries', 'plansBetween', 'listUsers', 'teamMembers', 'activeUsers', 'activeLossReasons', 'listPipelines', 'listStages', 'listLossReasons', 'board', 'recentGongs', 'dealItems', 'dealPayments', 'stageHistory', 'companyDuplicates', 'contactDuplicates', 'lossReviews', 'checkInsOf'];
const PAGED = ['listProducts', 'search', 'listCompanies', 'listContacts', 'listDeals', 'listTasks', 'timeline', 'auditHistory'];

/**
 * Every command as a mock answering "nothing here", so a screen renders without a backend;
 * a test overrides the commands its story is about.
 */
export function fakeCommands(): Commands {
  const names: (keyof Commands)[] = [
    'appInfo', 'about', 'retryStart', 'workLocally', 'backToTeam', 'openDatabaseFile', 'createDatabaseFile',
    'firstStart', 'connectTeam', 'useLocal', 'today', 'search', 'listUsers', 'listPipelines',
    'listStages', 'listLossReasons', 'listCompanies', 'getCompany', 'createCompany', 'updateCompany',
    'deleteCompany', 'companyDuplicates', 'contactDuplicates', 'listContacts', 'getContact', 'createContact', 'updateContact',
    'board', 'listDeals', 'getDeal', 'createDeal', 'updateDeal', 'moveDeal', 'deleteDeal', 'restoreDeal', 'dealItems', 'addDealItem',
    'dealPayments', 'createPayment', 'markPaymentPaid', 'stageHistory', 'auditHistory', 'listTasks',
    'createTask', 'completeTask', 'logActivity', 'timeline', 'report', 'chooseExportPath', 'exportReport', 'openExport',
    'recentGongs', 'notificationSettings', 'saveNotificationSettings', 'activeUsers', 'activeLossReasons',
    'setMyPreferences', 'setMyContacts', 'timeZones', 'teamMembers', 'addTeammate', 'giveLogin', 'resetPassword', 'changeRole',
    'setUserActive', 'setMyPassword', 'createTeamDatabase', 'moveToTeam',
    'listProducts', 'createProduct', 'updateProduct', 'archiveProduct', 'restoreProduct', 'dealLines',
    'updateDealItem', 'removeDealItem', 'setAmountFromItems', 'updatePayment', 'cancelPayment', 'markPaymentPaidOn',
    'proposalTemplate', 'saveProposalTemplate', 'chooseLogo', 'makeProposal', 'listDocuments', 'attachDocument', 'saveDocument', 'openDocument', 'deleteDocument',
    'createPipeline', 'updatePipeline', 'setPipelineArchived', 'createStage', 'updateStage', 'reorderStages',
    'archiveStage', 'unarchiveStage', 'dictionaries', 'createDictionaryEntry', 'updateDictionaryEntry',
    'reorderDictionary', 'createLossReason', 'updateLossReason', 'reorderLossReasons', 'processSettings',
    'saveProcessSettings', 'dealTitlePreview', 'plansBetween', 'savePlans',
    'leadRotation', 'saveLeadRotation', 'closeLossReview', 'lossReviews', 'answerCheckIn', 'checkInsOf',
    'editTask', 'deleteTask', 'taskReschedules', 'handoverPreview', 'handover', 'teamBoard', 'todayOf',
    'backups', 'backUpNow', 'restoreBackup', 'exportList',
    'chooseImportFile', 'importInspect', 'importPreview', 'importRun', 'cancelImport', 'saveRefused',
  ];
  const fake: Record<string, unknown> = {};
  for (const name of names) {
    // Commands that cannot fail answer their data bare.
    const answer =
      name === 'timeZones'
        ? ['Europe/Kyiv', 'UTC']
        : name === 'dealLines'
          ? ok({ lines: [], totals: { gross: 0, discount: 0, net: 0, vat: null, payable: 0, currency: 'UAH' } })
          : name === 'proposalTemplate'
            ? ok(null)
        : LISTS.includes(name) ? ok([]) : PAGED.includes(name) ? ok(paged([])) : refuse('not_found', null);
    const fn = vi.fn(async () => answer);
    resets.push(() => fn.mockReset().mockImplementation(async () => answer));
    fake[name] = fn;
  }
  return fake as unknown as Commands;
}

const resets: (() => void)[] = [];

/** Back to "nothing here" between tests, dropping answers a test queued but did not use. */
export function resetFakeCommands(): void {
  for (const reset of resets) reset();
}
