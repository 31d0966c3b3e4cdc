import { useInfiniteQuery, useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import { firstPage, nextPage } from './paging';
import type { Contact, ContactFilter, ContactInput, Id } from './types';

export function useContactList(filter: ContactFilter) {
  return useInfiniteQuery({
    queryKey: keys.contactList(filter),
    queryFn: ({ pageParam }) => call(commands.listContacts(filter, pageParam)),
    initialPageParam: firstPage(),
    getNextPageParam: (last) => nextPage(last),
  });
}

/** The first page only: for a company's card and pickers, where a few hundred is plenty. */
export function useContactsOf(filter: ContactFilter, enabled = true) {
  return useQuery({
    queryKey: [...keys.contactList(filter), 'first'],
    queryFn: () => call(commands.listContacts(filter, firstPage())),
    enabled,
  });
}

export function useContact(id: Id | null | undefined) {
  return useQuery({
    queryKey: keys.contact(id ?? ''),
    queryFn: () => call(commands.getContact(id ?? '')),
    enabled: !!id,
  });
}

export function useContactsById(ids: Id[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: keys.contact(id),
      queryFn: () => call(commands.getContact(id)),
    })),
  });
}

export function useCreateContact() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ContactInput) => call(commands.createContact(input)),
    onSuccess: () => invalidate('contact'),
  });
}

export function useUpdateContact() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { contact: Contact; input: ContactInput }) =>
      call(commands.updateContact(v.contact.id, v.contact.version, v.input)),
    onSuccess: () => invalidate('contact'),
  });
}

/** Live contacts that look like the person being typed in: for the warning under the form. */
export function useContactDuplicates(input: ContactInput | null, except: Id | null) {
  const worthAsking =
    !!input && ((input.phones?.length ?? 0) > 0 || (input.emails?.length ?? 0) > 0 || (!!input.company_id && input.full_name.trim().length > 1));
  return useQuery({
    queryKey: [...keys.duplicates, 'contact', input, except],
    queryFn: async () => {
      const r = await commands.contactDuplicates(input as ContactInput, except);
      return r.status === 'ok' ? r.data : [];
    },
    enabled: worthAsking,
  });
}
