import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from './call';
import { commands } from './commands';
import { useInvalidate } from './invalidate';
import { keys } from './keys';
import type { Document, DocumentOf, Id } from './types';

// The core's size limit, which a refusal for a too large file names.
export { DOCUMENT_MAX_BYTES } from '../bindings';

/** A deal's or a company's documents, without their bytes. */
export function useDocuments(of: DocumentOf) {
  return useQuery({ queryKey: keys.documentsOf(of), queryFn: () => call(commands.listDocuments(of)) });
}

/** The dialog's words, in the user's language. */
export interface DialogWords {
  title: string;
  filterName: string;
}

/** Asks the shell's open dialog for a file and attaches it; null when the person cancels. */
export function useAttachDocument(of: DocumentOf) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (words: DialogWords) => call(commands.attachDocument(of, words.title, words.filterName)),
    onSuccess: () => invalidate('document'),
  });
}

/** Writes a kept document where the shell's save dialog says; null when the person cancels. */
export function useSaveDocument() {
  return useMutation({
    mutationFn: (v: { id: Id } & DialogWords) => call(commands.saveDocument(v.id, v.title, v.filterName)),
  });
}

/** Opens a kept document in the program the OS uses for it. */
export function useOpenDocument() {
  return useMutation({ mutationFn: (documentId: Id) => call(commands.openDocument(documentId)) });
}

export function useDeleteDocument() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (d: Pick<Document, 'id' | 'version'>) => call(commands.deleteDocument(d.id, d.version)),
    onSuccess: () => invalidate('document'),
  });
}
