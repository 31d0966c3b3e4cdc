import type { DealStatus, Id } from '../../api/types';

/** What a link into the deals table may preset: the reports open "the deals behind a number". */
export interface DealsLink {
  pipelineId?: Id | null;
  stageId?: Id | null;
  ownerId?: Id | null;
  status?: DealStatus | null;
  /** The days the deals were created in ("YYYY-MM-DD", both included): a report's period. */
  createdFrom?: string | null;
  createdTo?: string | null;
}

const PARAMS = {
  pipelineId: 'pipeline',
  stageId: 'stage',
  ownerId: 'owner',
  status: 'status',
  createdFrom: 'created_from',
  createdTo: 'created_to',
} as const satisfies Record<keyof DealsLink, string>;

const KEYS = Object.keys(PARAMS) as (keyof DealsLink)[];
const STATUSES: readonly string[] = ['open', 'won', 'lost'] satisfies DealStatus[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function dealsLink(link: DealsLink): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = link[key];
    if (value) params.set(PARAMS[key], value);
  }
  const query = params.toString();
  return query ? `/deals?${query}` : '/deals';
}

/** The link's filters; a value that is not one (a mistyped status or day) is left out. */
export function readDealsLink(params: URLSearchParams): Required<DealsLink> {
  const get = (key: keyof DealsLink) => params.get(PARAMS[key]);
  const status = get('status');
  const day = (key: 'createdFrom' | 'createdTo') => {
    const value = get(key);
    return value && DAY.test(value) ? value : null;
  };
  return {
    pipelineId: get('pipelineId'),
    stageId: get('stageId'),
    ownerId: get('ownerId'),
    status: status && STATUSES.includes(status) ? (status as DealStatus) : null,
    createdFrom: day('createdFrom'),
    createdTo: day('createdTo'),
  };
}

/** Whether the link narrows the list to particular deals (then the table, not the board, shows them). */
export function narrowsDeals(link: DealsLink): boolean {
  return Boolean(link.stageId || link.status || link.createdFrom || link.createdTo);
}
