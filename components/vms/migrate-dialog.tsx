'use client';

import Link from 'next/link';
import { useHostId } from '@/components/hosts/host-scope';
import { useState } from 'react';
import { useJob, useMigrationDestinations } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { MigrationMode, Precheck, StorageMode } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { CheckboxField, NumberField, RadioGroup, SelectField } from '@/components/ui/inputs';

// Moving a VM to another host: choose where and how, see every check in words, then follow the job's progress
// (memory and disks sent, what is left, the expected downtime) with a Cancel that leaves the VM where it was.

function Checks({ precheck }: { precheck: Precheck }) {
  return (
    <ul className="space-y-1 text-sm" data-testid="migration-checks">
      {precheck.checks.map((c) => (
        <li key={c.id} data-testid={`check-${c.id}`} data-ok={c.ok}>
          <span className={c.ok ? 'text-emerald-700' : 'text-red-700'}>{c.ok ? '✓' : '✗'}</span> <span className="font-medium">{c.label}:</span> {c.detail}
        </li>
      ))}
    </ul>
  );
}

function Progress({ jobId }: { jobId: string }) {
  const { data: job } = useJob(jobId);
  const cancel = useMutation();
  if (!job) return <p>Starting…</p>;
  const running = job.steps.find((s) => s.status === 'running');
  return (
    <div className="space-y-2 text-sm" data-testid="migration-progress" data-status={job.status}>
      <ol className="space-y-1">
        {job.steps.map((s) => (
          <li key={s.id}>
            {s.status === 'done' ? '✓' : s.status === 'running' ? '…' : s.status === 'failed' ? '✗' : '·'} {s.label}
            {s.detail ? <span className="block pl-4 text-xs text-slate-500">{s.detail}</span> : null}
          </li>
        ))}
      </ol>
      {running ? <progress className="w-full" max={1} value={job.progress} aria-label={`${running.label} progress`} /> : null}
      {job.status === 'succeeded' ? <Alert tone="info">Moved. Vireo follows the VM by its UUID on its new host.</Alert> : null}
      <Alert>{job.error}</Alert>
      {job.status === 'running' ? (
        <Button variant="danger" disabled={cancel.busy} onClick={() => void cancel.send(`${keys.job(jobId)}/cancel`, { touches: [keys.job(jobId)] })}>
          Cancel migration
        </Button>
      ) : null}
      <Link href={`/jobs/${encodeURIComponent(jobId)}`} className="block text-sky-800 hover:underline">
        Open the job
      </Link>
    </div>
  );
}

export function MigrateDialog({ name, running, onClose }: { name: string; running: boolean; onClose: () => void }) {
  const host = useHostId();
  const { data: dests, error } = useMigrationDestinations(name);
  const [destination, setDestination] = useState('');
  const [mode, setMode] = useState<MigrationMode>(running ? 'live' : 'offline');
  const [storage, setStorage] = useState<StorageMode>('shared');
  const [persistent, setPersistent] = useState(true);
  const [undefineSource, setUndefineSource] = useState(true);
  const [bandwidth, setBandwidth] = useState('');
  const [autoConverge, setAutoConverge] = useState(false);
  const [postcopy, setPostcopy] = useState(false);
  const [compressed, setCompressed] = useState(false);
  const [tls, setTls] = useState(false);
  const [unsafe, setUnsafe] = useState(false);
  const [precheck, setPrecheck] = useState<Precheck | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const check = useMutation();
  const start = useMutation();

  const chosen = destination || dests?.destinations[0]?.id || '';
  const body = {
    destination: chosen,
    mode,
    storage,
    persistent,
    undefineSource,
    ...(bandwidth ? { bandwidthMiBs: Number(bandwidth) } : {}),
    ...(mode === 'live' ? { autoConverge, postcopy, compressed, tls, unsafe: storage === 'shared' && unsafe } : {}),
  };
  // Any change of choice makes the last check stale.
  const choose =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPrecheck(null);
    };

  async function runCheck() {
    const r = await check.send<Precheck>(keys.migrationPrecheck(host, name), { body });
    if (r.ok) setPrecheck(r.data);
  }

  async function migrate() {
    const r = await start.send<{ jobId: string }>(keys.migration(host, name), { body, touches: [keys.jobs] });
    if (r.ok) setJobId(r.data.jobId);
  }

  return (
    <ChangeDialog
      open
      title={`Move "${name}" to another host`}
      submitLabel={precheck?.ok ? 'Migrate' : 'Check'}
      busy={check.busy || start.busy}
      submitDisabled={!chosen || jobId !== null || precheck?.ok === false}
      problem={start.problem ?? check.problem}
      cancelLabel={jobId ? 'Close' : undefined}
      testId="migrate-dialog"
      onClose={onClose}
      onSubmit={() => void (precheck?.ok ? migrate() : runCheck())}
    >
      {error ? <Alert>{error.message}</Alert> : null}
      {jobId ? (
        <Progress jobId={jobId} />
      ) : (
        <div className="space-y-3">
          {dests && dests.destinations.length === 0 ? <Alert tone="warning">Vireo manages no other host yet: add one first.</Alert> : null}
          <SelectField label="Destination host" value={chosen} onChange={choose(setDestination)} testId="migrate-destination">
            {dests?.destinations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.uri})
              </option>
            ))}
          </SelectField>
          <RadioGroup
            legend="How"
            value={mode}
            onChange={choose(setMode)}
            options={[
              { value: 'live', label: 'Live (keeps running)', disabled: !running },
              { value: 'offline', label: 'Offline (stopped VM)', disabled: running },
            ]}
          />
          <RadioGroup
            legend="Disks"
            value={storage}
            onChange={choose(setStorage)}
            options={[
              { value: 'shared', label: 'Shared storage (same path on both hosts)' },
              { value: 'copy', label: 'Copy the disks to the destination' },
            ]}
          />
          <CheckboxField label="Keep it defined on the destination" checked={persistent} onChange={choose(setPersistent)} disabled={mode === 'offline'} />
          <CheckboxField label="Remove its definition from this host" checked={undefineSource} onChange={choose(setUndefineSource)} />
          {mode === 'live' ? (
            <>
              <NumberField label="Bandwidth limit (MiB/s, empty: none)" value={bandwidth} onChange={choose(setBandwidth)} />
              <CheckboxField label="Auto-converge (slow the vCPUs if memory changes too fast)" checked={autoConverge} onChange={choose(setAutoConverge)} />
              <CheckboxField label="Switch to post-copy if it does not converge" checked={postcopy} onChange={choose(setPostcopy)} />
              <CheckboxField label="Compress memory pages" checked={compressed} onChange={choose(setCompressed)} />
              <CheckboxField label="Encrypt the migration stream (TLS)" checked={tls} onChange={choose(setTls)} />
              {storage === 'shared' ? (
                <CheckboxField
                  label="Trust that the storage is shared (skip libvirt's check, for shares it does not recognise)"
                  checked={unsafe}
                  onChange={choose(setUnsafe)}
                />
              ) : null}
            </>
          ) : null}
          {precheck ? <Checks precheck={precheck} /> : <p className="text-sm text-slate-500">Vireo checks both hosts before anything moves.</p>}
        </div>
      )}
    </ChangeDialog>
  );
}
