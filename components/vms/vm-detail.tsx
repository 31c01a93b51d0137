'use client';

import { hostPage } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useSWRConfig } from 'swr';
import { useVm, useVms } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { rowOf } from '@/components/data/live-cache';
import type { VmDefinition } from '@/components/data/types';
import { formatKiB } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useUrlTab } from '@/components/ui/use-url-tab';
import { ActionRunnerProvider, OutcomeAlert } from './action-runner';
import { DeleteDialog } from './delete-dialog';
import { MigrateDialog } from './migrate-dialog';
import { BackToVms } from './back-to-vms';
import { StateBadge } from './state-badge';
import { VmActionButtons } from './vm-action-buttons';
import { XmlPanel } from './xml-panel';
import { HardwarePanel } from './hardware/hardware-panel';
import { VmMetricsPanel } from '@/components/metrics/vm-metrics-panel';
import { BackupsPanel, type BackupPerms } from '@/components/backups/backups-panel';
import { SnapshotsPanel } from './snapshots/snapshots-panel';
import { TemplateBadge } from './template-badge';
import { CloneAndTemplate } from './template-controls';
import { VmTagsEditor } from './tags/tag-editor';

const TABS = ['overview', 'metrics', 'hardware', 'snapshots', 'backups', 'xml'] as const;
const TAB_LABEL: Record<(typeof TABS)[number], string> = {
  overview: 'Overview',
  metrics: 'Metrics',
  hardware: 'Hardware',
  snapshots: 'Snapshots',
  backups: 'Backups',
  xml: 'XML',
};

interface Perms {
  lifecycle: boolean;
  edit: boolean;
  delete: boolean;
  console?: boolean;
  migrate?: boolean;
  backups?: BackupPerms;
  snapshot?: boolean;
  create?: boolean;
}

function Overview({ def, ips }: { def: VmDefinition; ips: string[] }) {
  const s = def.summary;
  const facts: [string, string][] = [
    ['Title', s.title ?? '—'],
    ['Description', s.description ?? '—'],
    ['UUID', def.uuid],
    ['Hypervisor', `${s.hypervisor ?? '?'}${s.hypervisor === 'qemu' ? ' (emulated, TCG)' : ''}`],
    ['Machine', `${s.arch ?? '?'} ${s.machine ?? ''} ${s.osType ?? ''}`],
    ['Boot', s.directKernel ? 'direct kernel' : (s.firmware ?? 'BIOS')],
    ['vCPUs', String(s.vcpus ?? '—')],
    [
      'Memory',
      `${formatKiB(s.currentMemoryKiB ?? s.memoryKiB)}${s.memoryKiB && s.currentMemoryKiB && s.memoryKiB !== s.currentMemoryKiB ? ` (max ${formatKiB(s.memoryKiB)})` : ''}`,
    ],
    ['Graphics', s.graphics.join(', ') || 'none'],
    ['Consoles', s.consoles.join(', ') || 'none'],
    ['Addresses', ips.join(', ') || '—'],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-2" data-testid="vm-overview">
        {facts.map(([k, v]) => (
          <div key={k} className="flex gap-2">
            <dt className="w-28 shrink-0 text-slate-500">{k}</dt>
            <dd data-testid={`fact-${k.toLowerCase()}`}>{v}</dd>
          </div>
        ))}
      </dl>
      <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 className="mb-2 font-semibold">Disks</h2>
        <ul className="space-y-1">
          {s.disks.map((d, i) => (
            <li key={i}>
              <span className="font-mono text-xs">{d.target}</span> {d.device} {d.bus ? `on ${d.bus}` : ''} {d.format ? `(${d.format})` : ''} —{' '}
              {d.source ?? 'empty'}
              {d.readonly ? ', read-only' : ''}
            </li>
          ))}
          {s.disks.length === 0 ? <li className="text-slate-500">None.</li> : null}
        </ul>
        <h2 className="mb-2 mt-4 font-semibold">Network interfaces</h2>
        <ul className="space-y-1">
          {s.nics.map((n, i) => (
            <li key={i}>
              {n.type} {n.source ?? ''} {n.model ? `(${n.model})` : ''} <span className="font-mono text-xs">{n.mac}</span>
            </li>
          ))}
          {s.nics.length === 0 ? <li className="text-slate-500">None.</li> : null}
        </ul>
      </section>
    </div>
  );
}

export function VmDetail({ initial, perms }: { initial: VmDefinition; perms: Perms }) {
  const host = useHostId();
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const { data, error: readError } = useVm(initial.name, initial);
  const def = data ?? initial;
  const row = rowOf(useVms().data, def.uuid);
  const [tab, setTab] = useUrlTab(TABS, 'overview');
  const [deleting, setDeleting] = useState(false);
  const [migrating, setMigrating] = useState(false);
  const gone = row === null;

  // Starting or stopping changes the live XML and what may change live: re-read both when the state settles.
  const state = row?.state;
  useEffect(() => {
    if (state === 'running' || state === 'shut off') void mutate(keys.vm(host, def.name));
  }, [state, def.name, mutate, host]);

  return (
    <ActionRunnerProvider>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <BackToVms />
          <h1 className="text-xl font-semibold">{def.name}</h1>
          {row ? <StateBadge state={row.state} name={def.name} pending={row.pending} /> : null}
          {row?.template ? <TemplateBadge /> : null}
          <div className="ml-auto flex flex-wrap gap-2">
            {row ? <VmActionButtons name={def.name} state={row.state} allowed={perms.lifecycle} template={!!row.template} /> : null}
            {perms.console && !gone ? (
              <Link
                href={hostPage(host, `/vms/${encodeURIComponent(def.name)}/console`)}
                data-testid="open-console"
                className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 shadow-sm hover:bg-slate-100"
              >
                Console
              </Link>
            ) : null}
            {perms.migrate && !gone ? (
              <Button className="px-2 py-1 text-xs" onClick={() => setMigrating(true)} data-testid="open-migrate">
                Migrate…
              </Button>
            ) : null}
            {row && !gone ? <CloneAndTemplate name={def.name} row={row} perms={perms} /> : null}
            {perms.delete && !gone ? (
              <Button variant="danger" className="px-2 py-1 text-xs" onClick={() => setDeleting(true)}>
                Delete…
              </Button>
            ) : null}
          </div>
        </div>
        {gone ? <Alert testId="vm-gone">This virtual machine no longer exists. It was deleted, perhaps in another tab or by another tool.</Alert> : null}
        {readError && !gone ? <Alert>{readError.message}</Alert> : null}
        <OutcomeAlert />
        <div role="tablist" className="flex flex-wrap gap-1 border-b border-slate-200">
          {TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${tab === t ? 'border-sky-700 font-medium text-sky-800' : 'border-transparent text-slate-600'}`}
            >
              {TAB_LABEL[t]}
            </button>
          ))}
        </div>
        {tab === 'overview' ? <VmTagsEditor name={def.name} canEdit={perms.edit && !gone} /> : null}
        {tab === 'overview' ? <Overview def={def} ips={row?.ips ?? []} /> : null}
        {tab === 'metrics' ? <VmMetricsPanel name={def.name} running={row?.state === 'running'} /> : null}
        {tab === 'hardware' ? <HardwarePanel name={def.name} state={row?.state} canEdit={perms.edit && !gone} /> : null}
        {tab === 'backups' ? <BackupsPanel vm={def.name} perms={perms.backups ?? { run: false, restore: false, manage: false }} /> : null}
        {tab === 'snapshots' ? <SnapshotsPanel name={def.name} canChange={!!perms.snapshot && !gone} /> : null}
        {tab === 'xml' ? <XmlPanel name={def.name} live={def.live} inactive={def.inactive} canEdit={perms.edit && !gone} /> : null}
      </div>
      {migrating ? <MigrateDialog name={def.name} running={row?.state === 'running'} onClose={() => setMigrating(false)} /> : null}
      {deleting ? (
        <DeleteDialog name={def.name} onClose={() => setDeleting(false)} onDeleted={() => router.push(`/vms?deleted=${encodeURIComponent(def.name)}`)} />
      ) : null}
    </ActionRunnerProvider>
  );
}
