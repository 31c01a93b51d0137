import type { ReactNode, RefObject } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

// The parts every console page shares: the state badge, a warning with the one thing to do, the terminal's frame.

export function StateBadge({ testId, state, children }: { testId: string; state: string; children: ReactNode }) {
  return (
    <span data-testid={testId} data-state={state} className="rounded bg-slate-100 px-2 py-0.5">
      {children}
    </span>
  );
}

/** A warning (the session closed, the console is in use elsewhere) with its button. */
export function ActionAlert({
  message,
  action,
  onAction,
  primary = false,
  testId,
}: {
  message: ReactNode;
  action: string;
  onAction: () => void;
  primary?: boolean;
  testId?: string;
}) {
  return (
    <Alert tone="warning" testId={testId}>
      <div className="flex flex-wrap items-center gap-3">
        <span>{message}</span>
        <Button variant={primary ? 'primary' : 'secondary'} className="px-2 py-1 text-xs" onClick={onAction}>
          {action}
        </Button>
      </div>
    </Alert>
  );
}

/** The dark box xterm.js draws in. */
export function TerminalFrame({ mount, testId }: { mount: RefObject<HTMLDivElement | null>; testId: string }) {
  return (
    <div className="h-[32rem] overflow-hidden rounded-md bg-ink-900 p-1">
      <div ref={mount} data-testid={testId} className="h-full w-full" />
    </div>
  );
}
