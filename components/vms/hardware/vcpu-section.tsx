'use client';

import type { VcpuChange, VcpuView } from '@/lib/hardware/types';
import { CheckboxField, NumberField, Options, SelectField } from '@/components/ui/inputs';
import { whole } from '@/components/ui/whole-number';
import { useHardwareTab } from './context';
import { EditForm, useEditFields, useScopedChange, WholeNumberForm } from './edit-form';
import { toScope } from './scope';
import { AmountSection } from './section';

const NEXT_BOOT_ONLY = 'Maximum, topology and CPU model can only change at next boot.';

function CountForm() {
  const v = useHardwareTab().hw.vcpus;
  return (
    <WholeNumberForm
      title="vCPU count"
      testId="vcpu-count-form"
      initial={v.liveCurrent ?? v.current}
      label="vCPUs"
      max={v.maximum}
      hint={`1 to ${v.maximum} (the maximum). Live changes hotplug or unplug vCPUs.`}
      fields={['current']}
      notWhole="Enter a whole number."
      save="Save vCPU count"
      path="/vcpus"
      method="PUT"
      body={(n) => ({ current: n }) satisfies Partial<VcpuChange>}
    />
  );
}

function shapeOf(v: VcpuView) {
  return {
    maximum: String(v.maximum),
    topo: v.topology !== null,
    sockets: String(v.topology?.sockets ?? 1),
    cores: String(v.topology?.cores ?? v.maximum),
    threads: String(v.topology?.threads ?? 1),
    mode: v.mode === 'custom' ? 'custom' : v.mode === 'host-passthrough' || v.mode === 'host-model' ? v.mode : '',
    model: v.model ?? v.namedModels[0] ?? '',
  };
}

function ShapeForm() {
  const { hw } = useHardwareTab();
  const v = hw.vcpus;
  const { f, text, check } = useEditFields(v, shapeOf);
  const { change, scope } = useScopedChange(NEXT_BOOT_ONLY);

  const max = whole(f.maximum);
  const product = whole(f.sockets) * whole(f.cores) * whole(f.threads);
  const topoProblem =
    f.topo && product !== max
      ? `Sockets × cores × threads is ${Number.isNaN(product) ? '?' : product}; it must equal the maximum (${Number.isNaN(max) ? '?' : max}).`
      : undefined;

  function save() {
    const body: VcpuChange = { ...toScope(scope.value) };
    if (max !== v.maximum) body.maximum = max;
    const topology = f.topo ? { sockets: whole(f.sockets), cores: whole(f.cores), threads: whole(f.threads) } : null;
    const before = v.topology ? { sockets: v.topology.sockets, cores: v.topology.cores, threads: v.topology.threads } : null;
    if (JSON.stringify(topology) !== JSON.stringify(before)) body.topology = topology;
    if (f.mode && (f.mode !== v.mode || (f.mode === 'custom' && f.model !== v.model))) {
      body.mode = f.mode as VcpuChange['mode'];
      if (f.mode === 'custom') body.model = f.model;
    }
    void change.submit('/vcpus', 'PUT', body);
  }

  return (
    <EditForm
      title="Maximum, topology and CPU model"
      testId="vcpu-shape-form"
      change={change}
      scope={scope}
      save="Save CPU settings"
      invalid={Number.isNaN(max)}
      onSubmit={save}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <NumberField
          label="Maximum vCPUs"
          {...text('maximum')}
          min={1}
          max={v.hostMaximum ?? undefined}
          hint={v.hostMaximum ? `This machine type allows up to ${v.hostMaximum}.` : undefined}
          error={change.field('maximum')}
        />
        <div className="space-y-2">
          <SelectField
            label="CPU mode"
            {...text('mode')}
            error={change.field('mode')}
            hint={v.mode === 'maximum' ? 'Currently "maximum" (everything the emulator can offer).' : undefined}
          >
            {f.mode === '' ? <option value="">Hypervisor default</option> : null}
            <option value="host-passthrough">Host passthrough</option>
            <option value="host-model">Host model</option>
            <option value="custom" disabled={v.namedModels.length === 0}>
              Named model
            </option>
          </SelectField>
          {f.mode === 'custom' ? (
            <SelectField label="CPU model" {...text('model')} error={change.field('model')}>
              {v.model && !v.namedModels.includes(v.model) ? <option value={v.model}>{v.model}</option> : null}
              <optgroup label="Usable on this host">
                <Options values={v.namedModels} />
              </optgroup>
              {v.unusableModels.length ? (
                <optgroup label="Not usable on this host (its processor lacks their features)">
                  {v.unusableModels
                    .filter((m) => m !== v.model)
                    .map((m) => (
                      <option key={m} value={m} disabled>
                        {m}
                      </option>
                    ))}
                </optgroup>
              ) : null}
            </SelectField>
          ) : null}
        </div>
      </div>
      <CheckboxField label="Set the topology" {...check('topo')} />
      {f.topo ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <NumberField label="Sockets" {...text('sockets')} min={1} error={change.field('sockets')} />
          <NumberField label="Cores per socket" {...text('cores')} min={1} error={change.field('cores')} />
          <NumberField label="Threads per core" {...text('threads')} min={1} error={change.field('threads')} />
        </div>
      ) : null}
      {topoProblem ? (
        <p className="text-xs text-amber-800" role="status">
          {topoProblem}
        </p>
      ) : null}
      {change.field('topology') ? (
        <p className="text-xs text-red-700" role="alert">
          {change.field('topology')}
        </p>
      ) : null}
    </EditForm>
  );
}

export function VcpuSection() {
  const { hw } = useHardwareTab();
  const v = hw.vcpus;
  const mode = v.mode === 'custom' ? `named model ${v.model ?? '?'}` : (v.mode ?? 'hypervisor default');
  return (
    <AmountSection
      title="vCPUs"
      testId="hw-vcpus"
      testPrefix="vcpu"
      liveLabel="Running guest"
      live={v.liveCurrent === null ? null : `${v.liveCurrent} online`}
      current={v.current}
      maximum={v.maximum}
      more={[
        ['Topology', v.topology ? `${v.topology.sockets} socket(s) × ${v.topology.cores} core(s) × ${v.topology.threads} thread(s)` : 'not set'],
        ['CPU mode', mode],
      ]}
    >
      <CountForm />
      <ShapeForm />
    </AmountSection>
  );
}
