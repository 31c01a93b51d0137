'use client';

import { useMutation, type Mutation, type Send } from '@/components/data/mutation';
import { ChangeDialog, type ChangeDialogProps } from './change-dialog';

/** The one request a dialog's action sends: where, and how (method, body, the cached answers it makes stale). */
export type DialogRequest = Send & { url: string };

/**
 * A change dialog whose action is one request. Busy and the refusal come from the mutation that sends it: the
 * caller's when its fields show the per-field messages, else the dialog's own (so each opening starts clean).
 * `request` is asked at submit, so it sends what the form holds then; `onSent` gets the answer of a success
 * (without it, a success closes the dialog).
 */
export function RequestDialog<T = Record<string, unknown>>({
  mutation,
  request,
  onSent,
  ...dialog
}: Omit<ChangeDialogProps, 'open' | 'onSubmit' | 'busy' | 'problem'> & {
  mutation?: Mutation;
  request: () => DialogRequest;
  onSent?: (answer: T) => void;
}) {
  const own = useMutation();
  const m = mutation ?? own;
  async function submit() {
    const { url, ...init } = request();
    const r = await m.send<T>(url, init);
    if (!r.ok) return;
    if (onSent) onSent(r.data);
    else dialog.onClose();
  }
  return <ChangeDialog open {...dialog} busy={m.busy} problem={m.problem} onSubmit={() => void submit()} />;
}
