'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { BulkReply, LifecycleAction } from '@/components/data/types';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { confirmText, labels, needsConfirm } from './actions';

// Runs lifecycle actions for one VM or a selection, asking first when the action is destructive, and keeps
// the last outcome so the page can show libvirt's reason. The new state itself arrives over the live stream.

interface Outcome {
  tone: 'error' | 'info';
  message: string;
}

interface Runner {
  run: (action: LifecycleAction, names: string[]) => void;
  busy: boolean;
  outcome: Outcome | null;
  dismiss: () => void;
}

const Ctx = createContext<Runner | null>(null);

export function useActionRunner(): Runner {
  const r = useContext(Ctx);
  if (!r) throw new Error('useActionRunner outside ActionRunnerProvider');
  return r;
}

export function ActionRunnerProvider({ children }: { children: ReactNode }) {
  const host = useHostId();
  const [pending, setPending] = useState<{ action: LifecycleAction; names: string[] } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { send, busy } = useMutation();

  const execute = useCallback(
    async (action: LifecycleAction, names: string[]) => {
      setOutcome(null);
      const single = names.length === 1;
      const r = single
        ? await send(`${keys.vm(host, names[0]!)}/actions`, { body: { action } })
        : await send<BulkReply>(keys.vmsBulk(host), { body: { action, names } });
      setPending(null);
      if (!r.ok) {
        setOutcome({ tone: 'error', message: `${labels[action]} ${single ? `"${names[0]}"` : ''} failed: ${r.problem.message}` });
      } else if (single && action === 'shutdown') {
        // ACPI asks the guest; it is not off until it says so, which the state shows when it happens.
        setOutcome({
          tone: 'info',
          message: `Shutdown requested for "${names[0]}": the guest stops when it has shut itself down (or ignores it: Force off stops it at once).`,
        });
      } else if (!single) {
        const { results } = r.data as BulkReply;
        const failed = results.filter((x) => !x.ok);
        setOutcome(
          failed.length
            ? {
                tone: 'error',
                message: `${labels[action]} failed for ${failed.length} of ${results.length}: ${failed.map((f) => `${f.name}: ${f.error}`).join(' · ')}`,
              }
            : action === 'shutdown'
              ? { tone: 'info', message: `Shutdown requested for ${results.length} virtual machines: each stops when its guest has shut itself down.` }
              : { tone: 'info', message: `${labels[action]}: done for ${results.length} virtual machines.` },
        );
      }
    },
    [send, host],
  );

  const run = useCallback(
    (action: LifecycleAction, names: string[]) => {
      if (!names.length) return;
      if (needsConfirm.has(action)) setPending({ action, names });
      else void execute(action, names);
    },
    [execute],
  );

  return (
    <Ctx.Provider value={{ run, busy, outcome, dismiss: () => setOutcome(null) }}>
      {children}
      <ChangeDialog
        open={pending !== null}
        title={pending ? `${labels[pending.action]}?` : ''}
        submitLabel={pending ? labels[pending.action] : ''}
        danger
        wide={false}
        busy={busy}
        onClose={() => setPending(null)}
        onSubmit={() => pending && void execute(pending.action, pending.names)}
      >
        {pending ? <p>{confirmText(pending.action, pending.names)}</p> : null}
      </ChangeDialog>
    </Ctx.Provider>
  );
}

export function OutcomeAlert() {
  const { outcome, dismiss } = useActionRunner();
  if (!outcome) return null;
  return (
    <div
      role={outcome.tone === 'error' ? 'alert' : 'status'}
      data-testid="action-outcome"
      className={`flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm ${outcome.tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-sky-300 bg-sky-50 text-sky-900'}`}
    >
      <span>{outcome.message}</span>
      <button type="button" onClick={dismiss} aria-label="Dismiss" className="text-slate-500 hover:text-slate-800">
        ×
      </button>
    </div>
  );
}
