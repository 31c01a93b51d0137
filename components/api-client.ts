'use client';

import { reloadAt } from './navigation';

// Browser side of the API: sends the CSRF token every mutating route checks, and turns error bodies into
// ApiError with the server's plain-words message.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
  get fields(): Record<string, string> {
    return (this.body.fields as Record<string, string> | undefined) ?? {};
  }
}

function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)vireo_csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]!) : '';
}

export async function api<T = Record<string, unknown>>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      signal: init.signal,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('Vireo did not answer. Check that the server is running.', 0, {});
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    if (res.status === 401 && typeof window !== 'undefined' && !path.startsWith('/api/auth/')) reloadAt('/login');
    throw new ApiError(typeof body.error === 'string' ? body.error : `Request failed (${res.status}).`, res.status, body);
  }
  return body as T;
}
