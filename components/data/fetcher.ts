import { ApiError, api } from '@/components/api-client';

/** SWR's fetcher: a GET through the API client, so errors arrive as ApiError with the server's words. */
export function fetchJson<T>(url: string): Promise<T> {
  return api<T>(url);
}

/** Retry what may pass on a second try (no answer, a server fault), not a refusal (404, 403, 422). */
export function worthRetrying(err: unknown): boolean {
  return !(err instanceof ApiError) || err.status === 0 || err.status >= 500;
}
