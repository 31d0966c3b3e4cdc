import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { keys } from './keys';
import type { SearchHit, SearchKind } from './types';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
export const SEARCH_DEBOUNCE_MS = 150;
const SEARCH_LIMIT = 30;

/**
 * Hits for `text`, asked for once typing pauses. While the answer to the newest text is on its
 * way the previous hits stay on screen; `answers` names the text the shown hits are for, and is
 * null while they are an older text's.
 */
export function useSearchHits(text: string) {
  const wanted = text.trim();
  const [debounced] = useDebouncedValue(wanted, SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: keys.search(debounced),
    queryFn: () => call(commands.search(debounced, { offset: 0, limit: SEARCH_LIMIT })),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const current = debounced === wanted && query.data !== undefined && !query.isPlaceholderData;
  return { ...query, answers: current ? debounced : null };
}

export const SEARCH_KINDS: SearchKind[] = ['company', 'contact', 'deal'];

export function groupHits(hits: SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  return SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter(
    (g) => g.hits.length > 0,
  );
}

export function hitRoute(hit: Pick<SearchHit, 'kind' | 'id'>): string {
  const base = { company: '/companies', contact: '/contacts', deal: '/deals' }[hit.kind];
  return `${base}/${hit.id}`;
}
