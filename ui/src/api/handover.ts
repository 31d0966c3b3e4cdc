import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import type { HandoverScope, Id } from './types';

/** What a handover of `scope` would move, and who holds it now. */
export function useHandoverPreview(scope: HandoverScope) {
  return useQuery({
    queryKey: keys.handoverPreview(scope),
    queryFn: () => call(commands.handoverPreview(scope)),
  });
}

/** Rule 7 in one step: the records of `scope` go to the receivers, shared in turn. */
export function useHandover() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { scope: HandoverScope; receivers: Id[]; deactivate: boolean }) =>
      call(commands.handover(v.scope, v.receivers, v.deactivate)),
    // Owners and assignees change across every kind of record, and a user may be deactivated.
    onSuccess: () => invalidate('app'),
  });
}
