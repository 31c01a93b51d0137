'use client';

import type { LibvirtStatus as HostStatus } from '@/components/data/types';
import { When } from '@/components/ui/when';

// A host's connection in a word and, when it is not connected, why and since when.

const LOOK: Record<HostStatus['state'], { word: string; tone: string }> = {
  open: { word: 'connected', tone: 'bg-emerald-100 text-emerald-800' },
  connecting: { word: 'connecting', tone: 'bg-sky-100 text-sky-900' },
  reconnecting: { word: 'reconnecting', tone: 'bg-amber-100 text-amber-900' },
  idle: { word: 'not connected yet', tone: 'bg-slate-100 text-slate-700' },
  closed: { word: 'down', tone: 'bg-red-100 text-red-900' },
};

export function HostState({ status }: { status: HostStatus }) {
  const look = LOOK[status.state] ?? LOOK.idle;
  return (
    <div className="space-y-1 text-xs">
      <span data-testid="host-state" className={`rounded px-1.5 py-0.5 ${look.tone}`}>
        {look.word}
      </span>
      {status.downSince ? (
        <span className="ml-2 text-slate-600">
          down since <When at={status.downSince} />
        </span>
      ) : null}
      {status.problem && status.state !== 'open' ? (
        <p data-testid="host-problem" className="max-w-md text-slate-600">
          {status.problem}
        </p>
      ) : null}
    </div>
  );
}
