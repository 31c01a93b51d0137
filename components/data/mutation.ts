'use client';

import { useCallback, useState } from 'react';
import { useSWRConfig } from 'swr';
import { api } from '@/components/api-client';
import { touches as stale, type Touch } from './keys';
import { problemOf, type Problem } from './problem';

// Every change the browser asks for goes through here: send the request, keep the busy flag and the problem of
// the last attempt for the form, and on success re-read the cached answers the change made stale.

export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Send {
  method?: Method;
  body?: unknown;
  /** Cached answers the change makes stale; re-read before `send` resolves, so the page shows the result. */
  touches?: readonly Touch[];
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

export interface Mutation {
  busy: boolean;
  /** Why the last attempt failed; null after a success or `reset`. */
  problem: Problem | null;
  send: <T = Record<string, unknown>>(url: string, init?: Send) => Promise<Outcome<T>>;
  /** Re-reads cached answers without sending anything (after a change made outside `send`, e.g. an upload). */
  refresh: (touches: readonly Touch[]) => Promise<void>;
  reset: () => void;
}

export function useMutation(): Mutation {
  const { mutate } = useSWRConfig();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const refresh = useCallback(
    async (list: readonly Touch[]) => {
      await Promise.all(list.map((t) => (typeof t === 'string' ? mutate(t) : mutate((key) => typeof key === 'string' && stale(t, key)))));
    },
    [mutate],
  );

  const send = useCallback(
    async <T>(url: string, init: Send = {}): Promise<Outcome<T>> => {
      setBusy(true);
      setProblem(null);
      try {
        const data = await api<T>(url, { method: init.method ?? 'POST', body: init.body ?? (init.method === 'DELETE' ? undefined : {}) });
        await refresh(init.touches ?? []);
        return { ok: true, data };
      } catch (err) {
        const p = problemOf(err);
        setProblem(p);
        return { ok: false, problem: p };
      } finally {
        setBusy(false);
      }
    },
    [refresh],
  );

  const reset = useCallback(() => setProblem(null), []);
  return { busy, problem, send, refresh, reset };
}
