import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import { firstPage, nextPage } from './paging';
import type { Id, Product, ProductFilter, ProductInput } from './types';

/** The catalog (or its archive), a page at a time in the store's order. */
export function useProductList(filter: ProductFilter) {
  return useInfiniteQuery({
    queryKey: keys.productList(filter),
    queryFn: ({ pageParam }) => call(commands.listProducts(filter, pageParam)),
    initialPageParam: firstPage(),
    getNextPageParam: (last) => nextPage(last),
  });
}

/** What a picker offers for the text typed: the first matches of the live catalog. */
export function useProductSearch(text: string) {
  const filter: ProductFilter = { text: text || null, archived: false, sort: 'name', descending: false };
  return useQuery({
    queryKey: keys.productList(filter),
    queryFn: () => call(commands.listProducts(filter, firstPage(20))),
  });
}

export function useSaveProduct() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { product: Pick<Product, 'id' | 'version'> | null; input: ProductInput }) =>
      call(v.product ? commands.updateProduct(v.product.id, v.product.version, v.input) : commands.createProduct(v.input)),
    onSuccess: () => invalidate('product'),
  });
}

/** Archives a live product or brings an archived one back. */
export function useArchiveProduct() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (p: Pick<Product, 'id' | 'version' | 'deleted_at'>) =>
      call(p.deleted_at == null ? commands.archiveProduct(p.id, p.version) : commands.restoreProduct(p.id, p.version)),
    onSuccess: () => invalidate('product'),
  });
}

export type { Id };
