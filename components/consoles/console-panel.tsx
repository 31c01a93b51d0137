'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { hostPage } from '@/components/data/keys';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import type { ConsoleDevice } from '@/lib/consoles/devices';
import { useUrlTab } from '@/components/ui/use-url-tab';
import { ActionRunnerProvider } from '@/components/vms/action-runner';
import { ConsoleVmBar } from './console-vm-bar';

// xterm.js and noVNC need the browser: load them on the client only.
const SerialConsole = dynamic(() => import('./serial-console').then((m) => m.SerialConsole), { ssr: false });
const VncConsole = dynamic(() => import('./vnc-console').then((m) => m.VncConsole), { ssr: false });

const TABS = ['serial', 'vnc'] as const;
export type ConsoleTab = (typeof TABS)[number];

export interface ConsolePanelProps {
  vm: string;
  uuid: string;
  hasVnc: boolean;
  /** Text consoles of the running VM (alias + label); empty when it is not running. */
  devices: ConsoleDevice[];
  popout: boolean;
  /** May start, stop and reboot the VM from here. */
  canAct: boolean;
}

export function ConsolePanel({ vm, uuid, hasVnc, devices, popout, canAct }: ConsolePanelProps) {
  const host = useHostId();
  // The tab is in the address (?tab=vnc), as the pop-out window and bookmarks expect.
  const [asked, setTab] = useUrlTab(TABS, 'serial');
  const tab = hasVnc ? asked : 'serial';
  const [device, setDevice] = useState<string>('');
  return (
    <ActionRunnerProvider>
      <div className="space-y-3">
        {popout ? null : (
          <div className="flex flex-wrap items-center gap-3">
            <Link href={hostPage(host, `/vms/${encodeURIComponent(vm)}`)} className="text-sm text-sky-800 hover:underline">
              ← {vm}
            </Link>
            <h1 className="text-xl font-semibold">Console</h1>
          </div>
        )}
        <ConsoleVmBar vm={vm} uuid={uuid} canAct={canAct} />
        <div role="tablist" className="flex gap-1 border-b border-slate-200">
          {(['serial', 'vnc'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              disabled={t === 'vnc' && !hasVnc}
              onClick={() => setTab(t)}
              title={t === 'vnc' && !hasVnc ? 'This VM has no VNC display' : undefined}
              className={`-mb-px border-b-2 px-3 py-1.5 text-sm disabled:text-slate-400 ${tab === t ? 'border-sky-700 font-medium text-sky-800' : 'border-transparent text-slate-600'}`}
            >
              {t === 'serial' ? 'Serial' : 'Graphical (VNC)'}
            </button>
          ))}
        </div>
        {tab === 'serial' && devices.length > 1 ? (
          <label className="flex items-center gap-2 text-sm">
            Device
            <select
              aria-label="Console device"
              value={device}
              onChange={(e) => setDevice(e.target.value)}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm"
            >
              <option value="">First console ({devices[0]!.label})</option>
              {devices.slice(1).map((d) => (
                <option key={d.alias} value={d.alias}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {tab === 'serial' ? <SerialConsole key={device} vm={vm} device={device || undefined} /> : <VncConsole vm={vm} popout={popout} />}
      </div>
    </ActionRunnerProvider>
  );
}
