'use client';

import type { VmState } from '@/components/data/types';
import { Button } from '@/components/ui/button';
import { actionsFor, labels } from './actions';
import { useActionRunner } from './action-runner';

export function VmActionButtons({ name, state, allowed, template = false }: { name: string; state: VmState; allowed: boolean; template?: boolean }) {
  const { run, busy } = useActionRunner();
  if (!allowed) return null;
  return (
    <div className="flex flex-wrap gap-1">
      {actionsFor(state, template).map((a) => (
        <Button
          key={a}
          variant={a === 'destroy' ? 'danger' : 'secondary'}
          className="px-2 py-1 text-xs"
          disabled={busy}
          aria-label={`${labels[a]} ${name}`}
          onClick={() => run(a, [name])}
        >
          {labels[a]}
        </Button>
      ))}
    </div>
  );
}
