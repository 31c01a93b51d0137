'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './button';

/** A modal that asks before anything destructive happens. */
export function ConfirmDialog({
  open, title, children, confirmLabel, danger = true, busy = false, onConfirm, onCancel,
}: {
  open: boolean; title: string; children?: ReactNode; confirmLabel: string; danger?: boolean; busy?: boolean;
  onConfirm: () => void; onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} onCancel={(e) => { e.preventDefault(); onCancel(); }} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
      {open ? (
        <div className="space-y-4 p-5">
          <h2 className="text-lg font-semibold">{title}</h2>
          <div className="space-y-3 text-sm text-slate-700">{children}</div>
          <div className="flex justify-end gap-2">
            <Button onClick={onCancel} disabled={busy}>Cancel</Button>
            <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>{busy ? 'Working…' : confirmLabel}</Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
