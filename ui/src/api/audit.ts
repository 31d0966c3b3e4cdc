import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { keys } from './keys';
import { nextPage } from './paging';
import type { Id } from './types';

const AUDIT_PAGE = 50;

export function useAuditHistory(entityId: Id) {
  return useInfiniteQuery({
    queryKey: keys.audit(entityId),
    queryFn: ({ pageParam }) => call(commands.auditHistory(entityId, pageParam)),
    initialPageParam: { offset: 0, limit: AUDIT_PAGE },
    getNextPageParam: (last) => nextPage(last, AUDIT_PAGE),
  });
}
