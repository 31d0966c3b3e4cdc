import type { Page, Paged } from './types';

/** Rows per page of the long tables: enough to fill a screen several times over. */
export const PAGE_SIZE = 200;

export const firstPage = (limit = PAGE_SIZE): Page => ({ offset: 0, limit });

/** For useInfiniteQuery: the next page starts where this one ended, while the store says more follow. */
export function nextPage<T>(last: Paged<T>, limit = PAGE_SIZE): Page | undefined {
  return last.more ? { offset: last.offset + last.items.length, limit } : undefined;
}

export function flatten<T>(pages: Paged<T>[] | undefined): T[] {
  return pages ? pages.flatMap((p) => p.items) : [];
}
