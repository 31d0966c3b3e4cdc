import type { Id } from '../../api/types';

/** What a link into the deals table may preset: the reports open "the deals behind a number". */
export interface DealsLink {
  pipelineId?: Id | null;
  stageId?: Id | null;
  ownerId?: Id | null;
}

export function dealsLink(link: DealsLink): string {
  const params = new URLSearchParams();
  if (link.pipelineId) params.set('pipeline', link.pipelineId);
  if (link.stageId) params.set('stage', link.stageId);
  if (link.ownerId) params.set('owner', link.ownerId);
  const query = params.toString();
  return query ? `/deals?${query}` : '/deals';
}

export function readDealsLink(params: URLSearchParams): Required<DealsLink> {
  return { pipelineId: params.get('pipeline'), stageId: params.get('stage'), ownerId: params.get('owner') };
}
