'use client';

import type { ReactNode } from 'react';
import type { Problem } from '@/components/data/problem';
import { Button } from './button';
import { Modal } from './modal';
import { ProblemNote } from './problem-note';

/**
 * The one dialog that changes something: a modal named by its title, the fields or the question, the problem of
 * the last attempt, Cancel and the action button (busy while the request runs). Without `onSubmit` it only shows
 * its content (which may hold its own forms) and a Close button.
 */
export interface ChangeDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit?: () => void;
  submitLabel?: string;
  busyLabel?: string;
  busy?: boolean;
  problem?: Problem | null;
  danger?: boolean;
  submitDisabled?: boolean;
  cancelLabel?: string;
  testId?: string;
  wide?: boolean;
  children?: ReactNode;
}

export function ChangeDialog({
  open,
  title,
  onClose,
  onSubmit,
  submitLabel,
  busyLabel = 'Working…',
  busy = false,
  problem = null,
  danger = false,
  submitDisabled = false,
  cancelLabel,
  testId,
  wide = true,
  children,
}: ChangeDialogProps) {
  const footer = (
    <div className="flex justify-end gap-2">
      <Button onClick={onClose} disabled={busy}>
        {cancelLabel ?? (onSubmit ? 'Cancel' : 'Close')}
      </Button>
      {onSubmit ? (
        <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={busy || submitDisabled}>
          {busy ? busyLabel : submitLabel}
        </Button>
      ) : null}
    </div>
  );
  const note = problem ? <ProblemNote problem={problem} /> : null;
  return (
    <Modal open={open} title={title} onClose={busy ? () => undefined : onClose} testId={testId} wide={wide}>
      {onSubmit ? (
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && !submitDisabled) onSubmit();
          }}
        >
          <div className="space-y-3 text-slate-700">{children}</div>
          {note}
          {footer}
        </form>
      ) : (
        <div className="space-y-4">
          {children}
          {note}
          {footer}
        </div>
      )}
    </Modal>
  );
}
