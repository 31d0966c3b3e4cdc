import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import { firstPage, nextPage } from './paging';
import type { Company, CompanyFilter, CompanyInput, Id } from './types';

export function useCompanyList(filter: CompanyFilter) {
  return useInfiniteQuery({
    queryKey: keys.companyList(filter),
    queryFn: ({ pageParam }) => call(commands.listCompanies(filter, pageParam)),
    initialPageParam: firstPage(),
    getNextPageParam: (last) => nextPage(last),
  });
}

export function useCompany(id: Id | null | undefined) {
  return useQuery({
    queryKey: keys.company(id ?? ''),
    queryFn: () => call(commands.getCompany(id ?? '')),
    enabled: !!id,
  });
}

export function useCreateCompany() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CompanyInput) => call(commands.createCompany(input)),
    onSuccess: () => invalidate('company'),
  });
}

export function useUpdateCompany() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { company: Company; input: CompanyInput }) =>
      call(commands.updateCompany(v.company.id, v.company.version, v.input)),
    onSuccess: () => invalidate('company'),
  });
}

export function useDeleteCompany() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (company: Company) => call(commands.deleteCompany(company.id, company.version)),
    onSuccess: () => invalidate('company'),
  });
}

/**
 * Companies the input would duplicate. A half-typed phone or email fails validation on the
 * server; that is no duplicate, so such refusals read as "none found".
 */
export function useCompanyDuplicates(input: CompanyInput | null, except: Id | null) {
  return useQuery({
    queryKey: [...keys.duplicates, input, except],
    queryFn: async () => {
      const r = await commands.companyDuplicates(input as CompanyInput, except);
      return r.status === 'ok' ? r.data : [];
    },
    enabled: !!input && input.name.trim().length > 1,
  });
}
