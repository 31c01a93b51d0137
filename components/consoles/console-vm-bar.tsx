'use client';

import { useVms } from '@/components/data/hooks';
import { rowOf } from '@/components/data/live-cache';
import { OutcomeAlert } from '@/components/vms/action-runner';
import { StateBadge } from '@/components/vms/state-badge';
import { VmActionButtons } from '@/components/vms/vm-action-buttons';

// The VM's live state and its power actions above its console, so starting a stopped guest, or forcing off a hung
// one, does not mean leaving the console. The state comes from the live feed like everywhere else.

export function ConsoleVmBar({ vm, uuid, canAct }: { vm: string; uuid: string; canAct: boolean }) {
  const row = rowOf(useVms().data, uuid);
  if (row === undefined) return null;
  if (row === null)
    return (
      <p className="text-sm text-red-800" data-testid="console-vm-gone">
        This virtual machine no longer exists.
      </p>
    );
  return (
    <div className="space-y-2" data-testid="console-vm-bar">
      <div className="flex flex-wrap items-center gap-2">
        <StateBadge state={row.state} name={vm} />
        <VmActionButtons name={vm} state={row.state} allowed={canAct} template={!!row.template} />
      </div>
      <OutcomeAlert />
    </div>
  );
}
