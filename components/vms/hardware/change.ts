'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { useCallback, useState } from 'react';
import { useSWRConfig } from 'swr';
import { keys, under } from '@/components/data/keys';
import { useMutation, type Method } from '@/components/data/mutation';
import { fieldError, type Problem } from '@/components/data/problem';
import type { ChangeOutcome, HardwareView } from '@/components/data/types';
import { useHardwareTab } from './context';

// One edit form's round trip to the hardware API: the shared mutation (busy flag, the refusal with its per-field
// messages), plus the ChangeOutcome of the last save. The hardware view a save answers with goes straight into
// the cache, so every section shows the new state at once; the VM's definition is re-read behind it.

export function hardwareUrl(host: string, vm: string, rest = ''): string {
  return `${keys.hardware(host, vm)}${rest}`;
}

export interface ChangeState {
  busy: boolean;
  outcome: ChangeOutcome | null;
  problem: Problem | null;
  /** Sends the request; true when the server answered 200 (whatever the halves' outcome). */
  submit: (path: string, method: Method, body?: unknown) => Promise<boolean>;
  /** A field's message from a refusal, wherever the server nests it ("pool" finds "source.pool"). */
  field: (...names: string[]) => string | undefined;
  reset: () => void;
}

/** A group of fields editing one value of a form, with the server's per-field messages of the last refusal. */
export interface FieldGroupProps<T> {
  value: T;
  onChange: (value: T) => void;
  field: ChangeState['field'];
}

export function useChange(): ChangeState {
  const host = useHostId();
  const { vm } = useHardwareTab();
  const { mutate } = useSWRConfig();
  const { busy, problem, send, reset: resetProblem } = useMutation();
  const [outcome, setOutcome] = useState<ChangeOutcome | null>(null);

  const submit = useCallback(
    async (path: string, method: Method, body?: unknown) => {
      setOutcome(null);
      const r = await send<{ outcome: ChangeOutcome; hardware?: HardwareView }>(hardwareUrl(host, vm, path), { method, body });
      if (!r.ok) return false;
      setOutcome(r.data.outcome);
      if (r.data.hardware) await mutate(keys.hardware(host, vm), r.data.hardware, { revalidate: false });
      void mutate(keys.vm(host, vm));
      // Disks and media changed: which VMs use which volume did too (the pickers and pool pages say so).
      void mutate((key) => typeof key === 'string' && under(keys.pools(host))(key));
      return true;
    },
    [host, vm, send, mutate],
  );

  const field = useCallback((...names: string[]) => fieldError(problem?.fields, ...names.map((n) => `*.${n}`)), [problem]);
  const reset = useCallback(() => {
    setOutcome(null);
    resetProblem();
  }, [resetProblem]);

  return { busy, outcome, problem, submit, field, reset };
}
