import { Domain } from '@/lib/domain-xml/domain';
import { capsFor, definePersistent, type VmContext } from './context';
import { editVm } from './edit';
import { refuse } from './errors';
import { applyHalves, requirePersistent, type Changed } from './scope';
import type { VcpuChange } from './types';
import type { HostContext } from '@/lib/hosts';

// vCPUs: the count is hotplugged live (libvirt's setVcpus, up to the maximum the guest booted with); the
// maximum, topology and CPU mode are part of the persistent definition only.

export interface VcpuLimits {
  maxVcpus: number | null;
  cpuModels: string[];
  /** Models the hypervisor knows but this host cannot run (absent: none known). */
  cpuModelsUnusable?: string[];
  /** CPU modes the hypervisor supports for this VM (host-passthrough needs KVM, for example). */
  cpuModes: string[];
}

export function planVcpus(ctx: VmContext, change: VcpuChange, limits: VcpuLimits | null): { current: number; maximum: number } {
  const hostMax = limits?.maxVcpus ?? null;
  const models = limits?.cpuModels ?? [];
  const modes = limits?.cpuModes ?? [];
  const p = Domain.of(ctx.inactive).cpu;
  const structural = change.maximum !== undefined || change.topology !== undefined || change.mode !== undefined || change.model !== undefined;
  if (structural) requirePersistent(change, 'maximum', 'The maximum vCPU count, topology and CPU model');
  if (change.current === undefined && !structural) refuse('current', 'Nothing to change: give a vCPU count, maximum, topology or CPU mode.');
  const maximum = change.maximum ?? p.maximum;
  if (!Number.isInteger(maximum) || maximum < 1) refuse('maximum', 'The maximum vCPU count must be a whole number of at least 1.');
  if (hostMax !== null && maximum > hostMax) refuse('maximum', `This machine type allows at most ${hostMax} vCPUs.`);
  const current = change.current ?? Math.min(p.current, maximum);
  if (!Number.isInteger(current) || current < 1) refuse('current', 'The vCPU count must be a whole number of at least 1.');
  if (current > maximum)
    refuse('current', `${current} vCPUs is above the maximum of ${maximum}; raise the maximum first (persistent, takes effect at next boot).`);
  if (change.live && change.current !== undefined) {
    const liveMax = ctx.live ? Domain.of(ctx.live).cpu.maximum : maximum;
    if (current > liveMax) refuse('current', `The running guest was started with a maximum of ${liveMax} vCPUs; ${current} can only apply after a restart.`);
  }
  const topo = change.topology === undefined ? p.topology : change.topology;
  if (topo) {
    for (const k of ['sockets', 'cores', 'threads'] as const) {
      if (!Number.isInteger(topo[k]) || topo[k] < 1) refuse('topology', `Topology ${k} must be a whole number of at least 1.`);
    }
    const dies = (topo as { dies?: number }).dies ?? 1;
    const product = topo.sockets * dies * topo.cores * topo.threads;
    if (product !== maximum) refuse('topology', `Sockets × cores × threads is ${product}, but it must equal the maximum vCPU count (${maximum}).`);
  }
  if (change.mode === 'custom' && !change.model) refuse('model', 'Choose a CPU model for the custom mode.');
  if (change.model && change.mode !== 'custom' && change.mode !== undefined) refuse('model', 'A named CPU model goes with the custom mode.');
  if (change.mode && modes.length && !modes.includes(change.mode)) {
    refuse('mode', `This hypervisor cannot give this VM the ${change.mode} CPU mode (offered: ${modes.join(', ')}).`);
  }
  if (change.model && limits?.cpuModelsUnusable?.includes(change.model)) {
    refuse('model', `This host cannot give a guest the CPU model "${change.model}" (its processor lacks features the model needs); the VM would not start.`);
  }
  if (change.model && models.length && !models.includes(change.model)) refuse('model', `The host cannot run CPU model "${change.model}".`);
  return { current, maximum };
}

/** Applies the persistent part to the inactive definition document (in place). */
export function editVcpuXml(ctx: VmContext, change: VcpuChange, plan: { current: number; maximum: number }): void {
  const cpu = Domain.of(ctx.inactive).cpu;
  if (plan.maximum !== cpu.maximum) cpu.clearPerVcpuSettings();
  cpu.setCount(plan.maximum, plan.current);
  if (change.mode !== undefined) cpu.setMode(change.mode);
  if (change.model) cpu.setNamedModel(change.model);
  if (change.topology !== undefined) cpu.topology = change.topology && { ...change.topology, dies: 1 };
}

export async function changeVcpus(host: HostContext, name: string, change: VcpuChange): Promise<Changed> {
  return editVm(host, name, change, 'The vCPU change', async (ctx) => {
    const caps = await capsFor(ctx).catch(() => null);
    const plan = planVcpus(ctx, change, caps);
    const structural = change.maximum !== undefined || change.topology !== undefined || change.mode !== undefined || change.model !== undefined;
    const outcome = await applyHalves(
      change,
      {
        persistent: async () => {
          if (structural) {
            editVcpuXml(ctx, change, plan);
            await definePersistent(ctx, ctx.inactive);
          } else {
            await ctx.client.domains.setVcpus(ctx.dom, plan.current, 'config');
          }
        },
        live: change.current === undefined ? undefined : () => ctx.client.domains.setVcpus(ctx.dom, plan.current, 'live'),
      },
      change.current !== undefined ? `vCPUs set to ${plan.current}` : `vCPU maximum set to ${plan.maximum}`,
    );
    return outcome;
  });
}
