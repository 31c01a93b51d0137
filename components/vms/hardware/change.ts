'use client';

import { useCallback, useState } from 'react';
import { ApiError, api } from '@/components/api-client';
import type { ChangeOutcome, HardwareView } from '@/lib/hardware/types';

// One edit form's round trip to the hardware API: busy flag, the ChangeOutcome of the last save, and a refusal
// (message plus per-field messages from a 422) to show next to the inputs.

export interface Refusal {
  message: string;
  fields: Record<string, string>;
  status: number;
}

export function refusalOf(err: unknown): Refusal {
  if (err instanceof ApiError) {
    // Problem bodies carry `error`; the hardware contract also speaks of `message`: accept either.
    const body = err.body;
    const message = typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : err.message;
    return { message, fields: err.fields, status: err.status };
  }
  return { message: (err as Error).message || 'The change failed.', fields: {}, status: 0 };
}

export function hardwareUrl(vm: string, rest = ''): string {
  return `/api/vms/${encodeURIComponent(vm)}/hardware${rest}`;
}

export interface ChangeState {
  busy: boolean;
  outcome: ChangeOutcome | null;
  refusal: Refusal | null;
  /** Sends the request; true when the server answered 200 (whatever the halves' outcome). */
  submit: (path: string, method: 'PUT' | 'POST' | 'PATCH' | 'DELETE', body?: unknown) => Promise<boolean>;
  reset: () => void;
}

export function useChange(vm: string, onHardware: (hw: HardwareView) => void): ChangeState {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ChangeOutcome | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const submit = useCallback(async (path: string, method: 'PUT' | 'POST' | 'PATCH' | 'DELETE', body?: unknown) => {
    setBusy(true);
    setOutcome(null);
    setRefusal(null);
    try {
      const res = await api<{ outcome: ChangeOutcome; hardware?: HardwareView }>(hardwareUrl(vm, path), { method, body });
      setOutcome(res.outcome);
      if (res.hardware) onHardware(res.hardware);
      return true;
    } catch (err) {
      setRefusal(refusalOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, [vm, onHardware]);

  const reset = useCallback(() => {
    setOutcome(null);
    setRefusal(null);
  }, []);

  return { busy, outcome, refusal, submit, reset };
}

/**
 * A field's message from a 422, matched by its exact key, by its last path segment ("source.pool" → "pool"), or
 * by a prefix written "order.*" (list entries such as "order.2").
 */
export function fieldError(refusal: Refusal | null, ...keys: string[]): string | undefined {
  if (!refusal) return undefined;
  for (const [k, v] of Object.entries(refusal.fields)) {
    const last = k.split('.').at(-1)!;
    if (keys.includes(k) || keys.includes(last)) return v;
    if (keys.some((key) => key.endsWith('.*') && k.startsWith(key.slice(0, -1)))) return v;
  }
  return undefined;
}
