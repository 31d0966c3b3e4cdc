import type { ApiErrorData, Result } from './types';

/** A refusal from the Rust side: a stable code, the field it concerns and an English message. */
export class ApiError extends Error {
  readonly code: string;
  readonly field: string | null;

  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.field = data.field;
  }

  is(code: string): boolean {
    return this.code === code;
  }
}

/** Unwraps a command's result: the data, or an ApiError thrown for TanStack Query to keep. */
export async function call<T>(p: Promise<Result<T, ApiErrorData>>): Promise<T> {
  const r = await p;
  if (r.status === 'error') throw new ApiError(r.error);
  return r.data;
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}
