'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HardwareView } from '@/lib/hardware/types';
import { api } from '@/components/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { BootSection } from './boot-section';
import { CdromSection } from './cdrom-section';
import { hardwareUrl, refusalOf } from './change';
import { HardwareContext } from './context';
import { DisksSection } from './disks-section';
import { MemorySection } from './memory-section';
import { NicsSection } from './nics-section';
import { VcpuSection } from './vcpu-section';

/**
 * The Hardware tab. `state` is the VM's state from the live stream: when it changes (started, shut off) the view
 * is read again, since what may change live depends on it.
 */
export function HardwarePanel({ name, state, canEdit, onChanged }: { name: string; state: string | undefined; canEdit: boolean; onChanged?: () => void }) {
  const [hw, setHwState] = useState<HardwareView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setHwState(await api<HardwareView>(hardwareUrl(name)));
      setError(null);
    } catch (err) {
      setError(refusalOf(err).message);
    } finally {
      setLoading(false);
    }
  }, [name]);

  useEffect(() => {
    void load();
  }, [load, state]);

  const setHw = useCallback((next: HardwareView) => {
    setHwState(next);
    onChanged?.();
  }, [onChanged]);

  const ctx = useMemo(() => (hw ? { vm: name, hw, canEdit, setHw } : null), [hw, name, canEdit, setHw]);

  if (!ctx) {
    return error ? (
      <div className="space-y-2"><Alert testId="hardware-error">The hardware of {name} could not be read: {error}</Alert><Button onClick={() => void load()}>Try again</Button></div>
    ) : <p className="text-sm text-slate-500" data-testid="hardware-loading">Reading the hardware…</p>;
  }
  return (
    <HardwareContext.Provider value={ctx}>
      <div className="space-y-4" data-testid="hardware-panel" data-running={ctx.hw.running}>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span data-testid="hardware-mode">
            {ctx.hw.running
              ? 'The VM is running: changes can apply live, at next boot, or both.'
              : 'The VM is shut off: changes are saved for its next boot.'}
          </span>
          <Button className="ml-auto px-2 py-1 text-xs" onClick={() => void load()} disabled={loading}>{loading ? 'Reading…' : 'Reload'}</Button>
        </div>
        {error ? <Alert>{error}</Alert> : null}
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
