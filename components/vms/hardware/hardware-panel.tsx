'use client';

import { useEffect, useMemo, useRef } from 'react';
import { useHardware } from '@/components/data/hooks';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { BootSection } from './boot-section';
import { CdromSection } from './cdrom-section';
import { HardwareContext } from './context';
import { HotplugSlots } from './hotplug-slots';
import { DisksSection } from './disks-section';
import { MemorySection } from './memory-section';
import { NicsSection } from './nics-section';
import { VcpuSection } from './vcpu-section';

/**
 * The Hardware tab. `state` is the VM's state from the live feed: when it changes (started, shut off) the view
 * is read again, since what may change live depends on it.
 */
export function HardwarePanel({ name, state, canEdit }: { name: string; state: string | undefined; canEdit: boolean }) {
  const { data: hw, error, isValidating, mutate } = useHardware(name);

  // The view was just read in the state the tab opened with; only a change of state calls for a re-read.
  const seen = useRef(state);
  useEffect(() => {
    if (seen.current === state) return;
    seen.current = state;
    void mutate();
  }, [state, mutate]);

  const ctx = useMemo(() => (hw ? { vm: name, hw, canEdit } : null), [hw, name, canEdit]);

  if (!ctx) {
    return error ? (
      <div className="space-y-2">
        <Alert testId="hardware-error">
          The hardware of {name} could not be read: {error.message}
        </Alert>
        <Button onClick={() => void mutate()}>Try again</Button>
      </div>
    ) : (
      <p className="text-sm text-slate-500" data-testid="hardware-loading">
        Reading the hardware…
      </p>
    );
  }
  return (
    <HardwareContext.Provider value={ctx}>
      <div className="space-y-4" data-testid="hardware-panel" data-running={ctx.hw.running}>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span data-testid="hardware-mode">
            {ctx.hw.running ? 'The VM is running: changes can apply live, at next boot, or both.' : 'The VM is shut off: changes are saved for its next boot.'}
          </span>
          <Button className="ml-auto px-2 py-1 text-xs" onClick={() => void mutate()} disabled={isValidating}>
            {isValidating ? 'Reading…' : 'Reload'}
          </Button>
        </div>
        <HotplugSlots slots={ctx.hw.hotplug} running={ctx.hw.running} />
        {error ? <Alert>{error.message}</Alert> : null}
        {!canEdit ? <Alert tone="info">Your role can look at the hardware but not change it.</Alert> : null}
        <VcpuSection />
        <MemorySection />
        <DisksSection />
        <CdromSection />
        <NicsSection />
        <BootSection />
      </div>
    </HardwareContext.Provider>
  );
}
