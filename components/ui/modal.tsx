'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/** A modal (native <dialog>, so it is a dialog to assistive tech and Escape closes it), named by its title. */
export function Modal({
  open,
  title,
  onClose,
  children,
  testId,
  wide = true,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto w-full ${wide ? 'max-w-xl' : 'max-w-lg'} rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50`}
    >
      {open ? (
        <div className="max-h-[85vh] space-y-4 overflow-y-auto p-5 text-sm">
          <h2 className="text-lg font-semibold">{title}</h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
