'use client';

import type { DimmAdd, MemoryChange, MemoryView } from '@/lib/hardware/types';
import { formatKiB } from '@/components/format';
import { HostMemoryTotal } from '@/components/host/host-memory';
import { CheckboxField, NumberField } from '@/components/ui/inputs';
import { whole } from '@/components/ui/whole-number';
import { useHardwareTab } from './context';
import { EditForm, useEditFields, useScopedChange, WholeNumberForm } from './edit-form';
import { Presence } from './presence';
import { toScope } from './scope';
import { AmountSection } from './section';

const MiB = (kib: number) => Math.round(kib / 1024);

function BalloonForm() {
  const m = useHardwareTab().hw.memory;
  return (
    <WholeNumberForm
      title="Current memory (balloon)"
      testId="memory-current-form"
      initial={MiB(m.liveCurrentKiB ?? m.currentKiB)}
      label="Current memory (MiB)"
      hint={`Up to the maximum, ${formatKiB(m.maximumKiB)}. Live changes need the guest's balloon driver.`}
      fields={['currentMiB', 'current']}
      notWhole="Enter a whole number of MiB."
      save="Save current memory"
      path="/memory"
      method="PUT"
      body={(n) => ({ currentMiB: n }) satisfies Partial<MemoryChange>}
    />
  );
}

function maximumOf(m: MemoryView) {
  return {
    max: String(MiB(m.maximumKiB)),
    hotplug: m.hotplug !== null,
    slots: String(m.hotplug?.slots ?? 4),
    ceiling: String(MiB(m.hotplug?.maxKiB ?? m.maximumKiB * 2)),
  };
}

function MaximumForm() {
  const { hw } = useHardwareTab();
  const m = hw.memory;
  const { f, text, check } = useEditFields(m, maximumOf);
  const { change, scope } = useScopedChange('The maximum and the hotplug ceiling can only change at next boot.');

  function save() {
    const body: MemoryChange = { ...toScope(scope.value) };
    const max = whole(f.max);
    if (max !== MiB(m.maximumKiB)) body.maximumMiB = max;
    const hotplug = f.hotplug ? { slots: whole(f.slots), maxMiB: whole(f.ceiling) } : null;
    const before = m.hotplug ? { slots: m.hotplug.slots, maxMiB: MiB(m.hotplug.maxKiB) } : null;
    if (JSON.stringify(hotplug) !== JSON.stringify(before)) body.hotplug = hotplug;
    void change.submit('/memory', 'PUT', body);
  }

  return (
    <EditForm title="Maximum and memory hotplug" testId="memory-maximum-form" change={change} scope={scope} save="Save maximum" onSubmit={save}>
      <NumberField
        label="Maximum memory (MiB)"
        {...text('max')}
        min={1}
        hint={
          hw.memory.hostTotalKiB ? (
            <>
              The host has <HostMemoryTotal memory={{ totalBytes: hw.memory.hostTotalKiB * 1024 }} />.
            </>
          ) : undefined
        }
        error={change.field('maximumMiB', 'maximum')}
      />
      <CheckboxField label="Allow memory hotplug (DIMM slots)" {...check('hotplug')} />
      {f.hotplug ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <NumberField label="Hotplug slots" {...text('slots')} min={1} error={change.field('slots')} />
          <NumberField
            label="Hotplug ceiling (MiB)"
            {...text('ceiling')}
            min={1}
            hint="Boot memory plus all DIMMs may not exceed this."
            error={change.field('maxMiB', 'hotplug')}
          />
        </div>
      ) : null}
    </EditForm>
  );
}

function DimmForm() {
  return (
    <WholeNumberForm
      title="Add a memory module (DIMM)"
      testId="memory-dimm-form"
      initial={128}
      label="DIMM size (MiB)"
      fields={['sizeMiB', 'size']}
      notWhole="Enter a whole number of MiB."
      save="Add DIMM"
      saving="Adding…"
      path="/memory/dimms"
      method="POST"
      body={(n) => ({ sizeMiB: n }) satisfies Partial<DimmAdd>}
    />
  );
}

export function MemorySection() {
  const { hw } = useHardwareTab();
  const m = hw.memory;
  return (
    <AmountSection
      title="Memory"
      testId="hw-memory"
      testPrefix="memory"
      liveLabel="Running guest (balloon)"
      live={m.liveCurrentKiB === null ? null : formatKiB(m.liveCurrentKiB)}
      current={formatKiB(m.currentKiB)}
      maximum={formatKiB(m.maximumKiB)}
      more={[
        ['Hotplug', m.hotplug ? `${m.hotplug.slots} slot(s), up to ${formatKiB(m.hotplug.maxKiB)}` : 'not enabled'],
        [
          'DIMMs',
          m.dimms.length ? (
            <ul key="d" className="space-y-0.5">
              {m.dimms.map((d, i) => (
                <li key={i}>
                  {formatKiB(d.sizeKiB)}
                  {d.node !== null ? ` on node ${d.node}` : ''} <Presence inLive={d.inLive} inPersistent={d.inPersistent} running={hw.running} />
                </li>
              ))}
            </ul>
          ) : (
            'none'
          ),
        ],
      ]}
    >
      <BalloonForm />
      <MaximumForm />
      {m.hotplug ? <DimmForm /> : null}
    </AmountSection>
  );
}
