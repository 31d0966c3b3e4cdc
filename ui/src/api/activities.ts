import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import { nextPage } from './paging';
import type { ActivityInput, TimelineOf } from './types';

const TIMELINE_PAGE = 30;

export function useTimeline(of: TimelineOf) {
  return useInfiniteQuery({
    queryKey: keys.timeline(of),
    queryFn: ({ pageParam }) => call(commands.timeline(of, pageParam)),
    initialPageParam: { offset: 0, limit: TIMELINE_PAGE },
    getNextPageParam: (last) => nextPage(last, TIMELINE_PAGE),
  });
}

export function useLogActivity() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ActivityInput) => call(commands.logActivity(input)),
    onSuccess: () => invalidate('activity'),
  });
}
