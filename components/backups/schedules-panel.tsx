'use client';

import { useState } from 'react';
import { useHostId } from '@/components/hosts/host-scope';
import { useBackupSchedules, useVms } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { BackupScheduleView } from '@/components/data/types';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { NumberField, RadioGroup, SelectField, TextField } from '@/components/ui/inputs';
import { ProblemNote } from '@/components/ui/problem-note';
import { tagsOfRows } from '@/components/vms/tags/tag-filter';
import { PoolChoiceField, usePoolChoice } from './target-pool';

// Backup schedules of the host: what is backed up (a VM, or every VM with a tag when it fires), when (cron, UTC),
// where, and what is kept. Retention never removes a point a kept point builds on.

type Scope = 'vm' | 'tag';

function NewSchedule() {
  const host = useHostId();
  const vms = useVms();
  const [scope, setScope] = useState<Scope>('vm');
  const [vm, setVm] = useState('');
  const [tag, setTag] = useState('');
  const [cron, setCron] = useState('0 3 * * *');
  const pool = usePoolChoice();
  const [keepLast, setKeepLast] = useState('7');
  const [keepDaily, setKeepDaily] = useState('0');
  const [keepWeekly, setKeepWeekly] = useState('0');
  const m = useMutation();
  const vmName = vm || vms.data?.vms[0]?.name || '';
  const submit = async () => {
    const retention = { cron, pool: pool.value, keepLast: Number(keepLast), keepDaily: Number(keepDaily), keepWeekly: Number(keepWeekly) };
    await m.send(keys.backupSchedules(host), {
      method: 'POST',
      body: scope === 'vm' ? { scope, vm: vmName, ...retention } : { scope, tag, ...retention },
      touches: [keys.backupSchedules(host)],
    });
  };
  const f = m.problem?.fields ?? {};
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="new-schedule">
      <h2 className="font-semibold">New schedule</h2>
      <RadioGroup<Scope>
        legend="Back up"
        value={scope}
        onChange={setScope}
        options={[
          { value: 'vm', label: 'One VM' },
          { value: 'tag', label: 'Every VM with a tag' },
        ]}
        note={scope === 'tag' ? 'The VMs carrying the tag when the schedule fires are backed up, one after another.' : undefined}
      />
      {scope === 'vm' ? (
        <SelectField label="VM" value={vmName} onChange={setVm} error={f.vm} testId="schedule-vm">
          {(vms.data?.vms ?? []).map((v) => (
            <option key={v.uuid} value={v.name}>
              {v.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <TextField label="Tag" value={tag} onChange={setTag} error={f.tag} testId="schedule-tag" suggestions={tagsOfRows(vms.data?.vms)} />
      )}
      <TextField
        label="When (cron, UTC)"
        hint='minute hour day month weekday, e.g. "0 3 * * *" every night at 03:00'
        value={cron}
        onChange={setCron}
        error={f.cron}
        testId="schedule-cron"
      />
      <PoolChoiceField label="Target pool" choice={pool} error={f.pool} testId="schedule-pool" />
      <div className="grid gap-3 sm:grid-cols-3">
        <NumberField label="Keep the last" value={keepLast} onChange={setKeepLast} error={f.keepLast} testId="schedule-keep-last" />
        <NumberField label="Keep daily (days)" value={keepDaily} onChange={setKeepDaily} error={f.keepDaily} />
        <NumberField label="Keep weekly (weeks)" value={keepWeekly} onChange={setKeepWeekly} error={f.keepWeekly} />
      </div>
      {m.problem ? <ProblemNote problem={m.problem} shownFields={['vm', 'tag', 'cron', 'pool', 'keepLast', 'keepDaily', 'keepWeekly']} /> : null}
      <Button variant="primary" onClick={() => void submit()} disabled={m.busy} data-testid="schedule-create">
        {m.busy ? 'Saving…' : 'Create schedule'}
      </Button>
    </section>
  );
}

function DeleteSchedule({ s }: { s: BackupScheduleView }) {
  const host = useHostId();
  const m = useMutation();
  return (
    <>
      <Button
        variant="danger"
        className="px-2 py-0.5 text-xs"
        disabled={m.busy}
        onClick={() => void m.send(`${keys.backupSchedules(host)}/${s.id}`, { method: 'DELETE', touches: [keys.backupSchedules(host)] })}
      >
        Delete
      </Button>
      {m.problem ? <ProblemNote problem={m.problem} /> : null}
    </>
  );
}

function keeps(s: BackupScheduleView): string {
  return `last ${s.keepLast}${s.keepDaily ? `, ${s.keepDaily} daily` : ''}${s.keepWeekly ? `, ${s.keepWeekly} weekly` : ''}`;
}

const when = (iso: string | null, none: string) => (iso ? new Date(iso).toLocaleString() : none);

function columns(canManage: boolean): Column<BackupScheduleView>[] {
  return [
    { id: 'what', header: 'What', cell: (s) => (s.scope === 'vm' ? s.vmName : `tag "${s.tag}"`) },
    { id: 'cron', header: 'When (UTC)', cell: (s) => <span className="font-mono text-xs">{s.cron}</span> },
    { id: 'pool', header: 'Pool', cell: (s) => s.pool },
    { id: 'keeps', header: 'Keeps', cell: keeps },
    { id: 'next', header: 'Next', cell: (s) => when(s.nextRunAt, 'disabled') },
    { id: 'last', header: 'Last', cell: (s) => when(s.lastRunAt, 'never') },
    { id: 'actions', header: '', cell: (s) => (canManage ? <DeleteSchedule s={s} /> : null) },
  ];
}

export function SchedulesPanel({ canManage }: { canManage: boolean }) {
  const { data, error } = useBackupSchedules();
  return (
    <div className="space-y-4">
      <DataTable
        rows={data}
        columns={columns(canManage)}
        rowKey={(s) => s.id}
        rowTestId={() => 'schedule-row'}
        empty="No schedules yet."
        testId="schedules"
        error={error}
      />
      {canManage ? <NewSchedule /> : null}
    </div>
  );
}
