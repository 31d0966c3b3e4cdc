import type { ReactNode } from 'react';

/**
 * The error of a list field or of any of its items ("qualification.2"): the store names the
 * item, the form shows one message under the whole list.
 */
export function listError(errors: Record<string, ReactNode>, list: string): ReactNode {
  return Object.entries(errors).find(([path]) => path === list || path.startsWith(`${list}.`))?.[1];
}
